import { AppError, fromGlobalId, type EntityManager } from '@dotmac/kernel';
import { findDevice } from '../device/device.service.js';
import { findInterface } from '../interface/interface.service.js';
import { AssigneeType } from './ip-allocation.entity.js';
import type { IpAssigneeInput } from './ipam.input.js';

const TYPES: Record<string, { type: AssigneeType; tag: string }> = {
  deviceId: { type: AssigneeType.DEVICE, tag: 'Device' },
  interfaceId: { type: AssigneeType.INTERFACE, tag: 'NetworkInterface' },
  subscriberId: { type: AssigneeType.SUBSCRIBER, tag: 'Subscriber' },
};

/**
 * Who an address goes to: exactly one device, interface or subscriber. Devices and interfaces
 * must exist in the ISP; a subscriber is taken on its id (the customers subgraph owns it).
 */
export async function assigneeOf(em: EntityManager, input: IpAssigneeInput): Promise<{ type: AssigneeType; id: string }> {
  const named = Object.entries(input).filter(([key, value]) => key in TYPES && value);
  if (named.length !== 1) throw AppError.badInput('Name exactly one of deviceId, interfaceId, subscriberId', 'assignee');
  const [key, globalId] = named[0] as [string, string];
  const { type, tag } = TYPES[key]!;
  const field = `assignee.${key}`;
  const decoded = fromGlobalId(globalId, field);
  if (decoded.type !== tag) throw AppError.badInput(`Expected a ${tag} id, got a ${decoded.type} id`, field);
  if (type === AssigneeType.DEVICE) await findDevice(em, decoded.id, field);
  if (type === AssigneeType.INTERFACE) await findInterface(em, decoded.id, field);
  return { type, id: decoded.id };
}

/** The global id of an assignee, for filters and fields. */
export const assigneeTag = (type: AssigneeType): string => Object.values(TYPES).find((entry) => entry.type === type)!.tag;
