import type { FilterQuery } from '@mikro-orm/core';
import { expectGlobalId, paginate, SortDirection, type ConnectionArgs, type EntityManager } from '@dotmac/kernel';
import { Service } from './service.entity.js';
import type { ServiceFilter } from './service.input.js';
import { ServiceType } from './service.type.js';

/** The ISP's services, newest first, by subscriber, state and username prefix. */
export function listServices(em: EntityManager, tenantId: string, filter: ServiceFilter | undefined, args: ConnectionArgs) {
  const where: FilterQuery<Service> & Record<string, unknown> = { tenantId };
  if (filter?.subscriberId) where.subscriberId = expectGlobalId(filter.subscriberId, 'Subscriber', 'filter.subscriberId');
  if (filter?.states?.length) where.state = { $in: filter.states };
  if (filter?.username) where.username = { $like: `${filter.username.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` };
  return paginate(em, Service, { where, sortField: 'createdAt', sortDirection: SortDirection.DESC, args }, ServiceType.from);
}
