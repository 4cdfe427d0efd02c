import type { FilterQuery } from '@mikro-orm/core';
import { AppError, expectGlobalId, fromGlobalId, paginate, SortDirection, type ConnectionArgs, type EntityManager } from '@dotmac/kernel';
import { formatAddress, parseAddress } from './ip-address.js';
import { IpAllocation } from './ip-allocation.entity.js';
import { IpAllocationType } from './ip-allocation.type.js';
import { AllocationOrderField, type AllocationFilter, type AllocationOrder } from './ipam.input.js';

const ASSIGNEE_TAGS = ['Device', 'NetworkInterface', 'Subscriber'];

/** Allocations, active and released: filtered by address, it is that address's history (who, when, until when). */
export function listAllocations(em: EntityManager, tenantId: string, filter: AllocationFilter | undefined, order: AllocationOrder | undefined, args: ConnectionArgs) {
  const where: FilterQuery<IpAllocation> & Record<string, unknown> = { tenantId };
  if (filter?.poolId) where.poolId = expectGlobalId(filter.poolId, 'IpPool', 'filter.poolId');
  if (filter?.address) {
    const address = parseAddress(filter.address);
    if (!address) throw AppError.badInput(`"${filter.address}" is not an IP address`, 'filter.address');
    where.address = formatAddress(address);
  }
  if (filter?.assigneeId) {
    const { type, id } = fromGlobalId(filter.assigneeId, 'filter.assigneeId');
    if (!ASSIGNEE_TAGS.includes(type)) throw AppError.badInput('assigneeId names a Device, NetworkInterface or Subscriber', 'filter.assigneeId');
    where.assigneeId = id;
  }
  if (filter?.active != null) where.releasedAt = filter.active ? null : { $ne: null };
  return paginate(
    em,
    IpAllocation,
    { where, sortField: order?.field ?? AllocationOrderField.ALLOCATED_AT, sortDirection: order?.direction ?? SortDirection.ASC, args },
    IpAllocationType.from,
  );
}
