import { AppError, expectGlobalId, type EntityManager } from '@dotmac/kernel';
import type { CredentialCipher } from '../credentials/credential-cipher.js';
import { secretNamesOfDevices, writeDeviceSecrets, type SecretChanges } from '../credentials/device-secret.store.js';
import { formatAddress, parseAddress } from '../ipam/ip-address.js';
import { notFoundIn } from '../shared/errors.js';
import { given, optionalText, requiredText } from '../shared/text.js';
import { conflictOnUnique } from '../shared/unique-violation.js';
import { findSite } from '../site/site.service.js';
import { PREMISES_KINDS, type DeviceKind } from './device-kind.js';
import { credentialChanges, snmpChanges } from './device-snmp.rules.js';
import { lockTopology, refuseCycle } from './device-topology.js';
import { Device } from './device.entity.js';
import type { CreateDeviceInput, DeviceCredentialsInput, UpdateDeviceInput } from './device.input.js';

const UNIQUE_RULES = {
  device_tenant_serial_unique: { message: 'Another device of this ISP has that serial number', field: 'serial' },
  device_tenant_management_ip_unique: { message: 'Another device of this ISP has that management IP', field: 'managementIp' },
};

/** A host address in canonical form, or null; anything else is BAD_USER_INPUT. */
function managementIpOf(text: string | null | undefined): string | null {
  if (text == null || text.trim() === '') return null;
  const address = parseAddress(text);
  if (!address) throw AppError.badInput(`"${text}" is not an IPv4 or IPv6 address`, 'managementIp');
  return formatAddress(address);
}

async function siteIdOf(em: EntityManager, siteId: string | null | undefined): Promise<string | null> {
  if (!siteId) return null;
  return (await findSite(em, expectGlobalId(siteId, 'Site', 'siteId'), 'siteId')).id;
}

function subscriberIdOf(subscriberId: string | null | undefined, kind: DeviceKind): string | null {
  if (!subscriberId) return null;
  const id = expectGlobalId(subscriberId, 'Subscriber', 'subscriberId');
  if (!PREMISES_KINDS.includes(kind)) throw AppError.badInput('Only a CPE or an ONU is linked to a subscriber', 'subscriberId');
  return id;
}

export async function findDevice(em: EntityManager, id: string, field = 'deviceId'): Promise<Device> {
  const device = await em.findOne(Device, { id });
  if (!device) throw notFoundIn('Device', field);
  return device;
}

async function parentIdOf(em: EntityManager, parentId: string | null | undefined): Promise<string | null> {
  if (!parentId) return null;
  return (await findDevice(em, expectGlobalId(parentId, 'Device', 'parentId'), 'parentId')).id;
}

async function saveWithSecrets(em: EntityManager, cipher: CredentialCipher, device: Device, secrets: SecretChanges): Promise<Device> {
  await conflictOnUnique(() => em.flush(), UNIQUE_RULES);
  await writeDeviceSecrets(em, cipher, device, secrets);
  return device;
}

export async function createDevice(em: EntityManager, cipher: CredentialCipher, tenantId: string, input: CreateDeviceInput): Promise<Device> {
  const name = requiredText(input.name, 'name');
  const snmp = snmpChanges(input.snmp ?? null, new Set());
  const credentials = input.credentials ? credentialChanges(input.credentials) : {};
  const device = em.create(Device, {
    tenantId,
    kind: input.kind,
    name,
    ...(input.status ? { status: input.status } : {}),
    vendor: optionalText(input.vendor, 'vendor', 100),
    model: optionalText(input.model, 'model', 100),
    serial: optionalText(input.serial, 'serial', 100),
    managementIp: managementIpOf(input.managementIp),
    description: optionalText(input.description, 'description', 2000),
    subscriberId: subscriberIdOf(input.subscriberId, input.kind),
    siteId: await siteIdOf(em, input.siteId),
    parentId: await parentIdOf(em, input.parentId),
    ...snmp.columns,
  });
  return saveWithSecrets(em, cipher, device, { ...snmp.secrets, ...credentials });
}

export async function updateDevice(em: EntityManager, cipher: CredentialCipher, id: string, input: UpdateDeviceInput): Promise<Device> {
  const device = await findDevice(em, id);
  if (input.kind) device.kind = input.kind;
  if (input.name != null) device.name = requiredText(input.name, 'name');
  if (input.status) device.status = input.status;
  if (given(input, 'vendor')) device.vendor = optionalText(input.vendor, 'vendor', 100);
  if (given(input, 'model')) device.model = optionalText(input.model, 'model', 100);
  if (given(input, 'serial')) device.serial = optionalText(input.serial, 'serial', 100);
  if (given(input, 'managementIp')) device.managementIp = managementIpOf(input.managementIp);
  if (given(input, 'description')) device.description = optionalText(input.description, 'description', 2000);
  if (given(input, 'siteId')) device.siteId = await siteIdOf(em, input.siteId);
  if (given(input, 'subscriberId')) device.subscriberId = subscriberIdOf(input.subscriberId, device.kind);
  else if (device.subscriberId && !PREMISES_KINDS.includes(device.kind)) throw AppError.badInput('Only a CPE or an ONU is linked to a subscriber; unlink it first', 'kind');
  if (given(input, 'parentId')) {
    const parentId = await parentIdOf(em, input.parentId);
    if (parentId) {
      await lockTopology(em, device.tenantId);
      await refuseCycle(em, device.id, parentId);
    }
    device.parentId = parentId;
  }
  let secrets: SecretChanges = {};
  if (given(input, 'snmp')) {
    const snmp = snmpChanges(input.snmp ?? null, (await secretNamesOfDevices(em, [device.id])).get(device.id) ?? new Set());
    Object.assign(device, snmp.columns);
    secrets = snmp.secrets;
  }
  return saveWithSecrets(em, cipher, device, secrets);
}

export async function setDeviceCredentials(em: EntityManager, cipher: CredentialCipher, id: string, input: DeviceCredentialsInput): Promise<Device> {
  const device = await findDevice(em, id);
  const changes = credentialChanges(input);
  device.updatedAt = new Date();
  return saveWithSecrets(em, cipher, device, changes);
}
