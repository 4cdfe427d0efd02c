import { AppError, expectGlobalId, type EntityManager } from '@dotmac/kernel';
import { findDevice } from '../device/device.service.js';
import { formatAddress, parseCidr } from '../ipam/ip-address.js';
import { notFoundIn } from '../shared/errors.js';
import { given, optionalText, requiredText } from '../shared/text.js';
import { conflictOnUnique } from '../shared/unique-violation.js';
import { NetworkInterface } from './interface.entity.js';
import type { CreateInterfaceInput, UpdateInterfaceInput } from './interface.input.js';

const NAME_TAKEN = { network_interface_device_name_unique: { message: 'The device already has an interface of that name', field: 'name' } };
const MAX_ADDRESSES = 32;

/** A MAC address as lower-case colon-separated octets; null when absent. */
export function macAddressOf(text: string | null | undefined): string | null {
  if (text == null || text.trim() === '') return null;
  const hex = text.trim().toLowerCase();
  const digits = /^([0-9a-f]{2}[:-]){5}[0-9a-f]{2}$/.test(hex) || /^([0-9a-f]{4}\.){2}[0-9a-f]{4}$/.test(hex) ? hex.replace(/[:.-]/g, '') : undefined;
  if (!digits) throw AppError.badInput(`"${text}" is not a MAC address`, 'macAddress');
  return digits.match(/../g)!.join(':');
}

function speedOf(speed: number | null | undefined): number | null {
  if (speed == null) return null;
  if (!Number.isInteger(speed) || speed <= 0) throw AppError.badInput('speedMbps must be a whole number above 0', 'speedMbps');
  return speed;
}

/** Interface addresses "address/length", canonical and without repeats. */
export function interfaceAddressesOf(list: readonly string[] | null | undefined): string[] {
  if (!list) return [];
  if (list.length > MAX_ADDRESSES) throw AppError.badInput(`An interface has at most ${MAX_ADDRESSES} addresses`, 'ipAddresses');
  const canonical = list.map((text, i) => {
    const parsed = parseCidr(text);
    if (!parsed) throw AppError.badInput(`"${text}" is not an address with a prefix length (e.g. 10.0.0.1/24)`, `ipAddresses.${i}`);
    return `${formatAddress(parsed.address)}/${parsed.length}`;
  });
  return [...new Set(canonical)];
}

export async function createInterface(em: EntityManager, tenantId: string, input: CreateInterfaceInput): Promise<NetworkInterface> {
  const device = await findDevice(em, expectGlobalId(input.deviceId, 'Device', 'deviceId'));
  const created = em.create(NetworkInterface, {
    tenantId,
    deviceId: device.id,
    name: requiredText(input.name, 'name', 64),
    type: input.type,
    macAddress: macAddressOf(input.macAddress),
    speedMbps: speedOf(input.speedMbps),
    ...(input.adminStatus ? { adminStatus: input.adminStatus } : {}),
    ...(input.operStatus ? { operStatus: input.operStatus } : {}),
    ipAddresses: interfaceAddressesOf(input.ipAddresses),
    description: optionalText(input.description, 'description', 2000),
  });
  await conflictOnUnique(() => em.flush(), NAME_TAKEN);
  return created;
}

export async function findInterface(em: EntityManager, id: string, field = 'interfaceId'): Promise<NetworkInterface> {
  const found = await em.findOne(NetworkInterface, { id });
  if (!found) throw notFoundIn('NetworkInterface', field);
  return found;
}

export async function updateInterface(em: EntityManager, id: string, input: UpdateInterfaceInput): Promise<NetworkInterface> {
  const port = await findInterface(em, id);
  if (input.name != null) port.name = requiredText(input.name, 'name', 64);
  if (input.type) port.type = input.type;
  if (input.adminStatus) port.adminStatus = input.adminStatus;
  if (input.operStatus) port.operStatus = input.operStatus;
  if (given(input, 'macAddress')) port.macAddress = macAddressOf(input.macAddress);
  if (given(input, 'speedMbps')) port.speedMbps = speedOf(input.speedMbps);
  if (given(input, 'ipAddresses')) port.ipAddresses = interfaceAddressesOf(input.ipAddresses);
  if (given(input, 'description')) port.description = optionalText(input.description, 'description', 2000);
  await conflictOnUnique(() => em.flush(), NAME_TAKEN);
  return port;
}
