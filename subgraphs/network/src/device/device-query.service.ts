import type { FilterQuery } from '@mikro-orm/core';
import { containsPattern, expectGlobalId, paginate, SortDirection, type ConnectionArgs, type EntityManager } from '@dotmac/kernel';
import { formatAddress, parseAddress } from '../ipam/ip-address.js';
import { Device } from './device.entity.js';
import { DeviceOrderField, type DeviceFilter, type DeviceOrder } from './device.input.js';
import { DeviceType } from './device.type.js';

export function listDevices(em: EntityManager, tenantId: string, filter: DeviceFilter | undefined, order: DeviceOrder | undefined, args: ConnectionArgs, extra: FilterQuery<Device> = {}) {
  const where: FilterQuery<Device> & Record<string, unknown> = { tenantId, ...(extra as object) };
  if (filter?.siteIds?.length) where.siteId = { $in: filter.siteIds.map((id, i) => expectGlobalId(id, 'Site', `filter.siteIds.${i}`)) };
  if (filter?.kind?.length) where.kind = { $in: filter.kind };
  if (filter?.status?.length) where.status = { $in: filter.status };
  if (filter?.parentId) where.parentId = expectGlobalId(filter.parentId, 'Device', 'filter.parentId');
  if (filter?.search?.trim()) {
    const pattern = containsPattern(filter.search);
    where.$or = [
      { name: { $ilike: pattern } },
      { vendor: { $ilike: pattern } },
      { model: { $ilike: pattern } },
      { serial: { $ilike: pattern } },
    ];
    const address = parseAddress(filter.search);
    if (address) where.$or.push({ managementIp: formatAddress(address) });
  }
  return paginate(em, Device, { where, sortField: order?.field ?? DeviceOrderField.NAME, sortDirection: order?.direction ?? SortDirection.ASC, args }, DeviceType.from);
}

/** Devices of each subscriber asked for, one statement for the whole page. */
export async function devicesOfSubscribers(em: EntityManager, subscriberIds: readonly string[]): Promise<Map<string, Device[]>> {
  const rows = await em.find(Device, { subscriberId: { $in: [...subscriberIds] } }, { orderBy: { name: 'asc', id: 'asc' } });
  const bySubscriber = new Map<string, Device[]>();
  for (const row of rows) bySubscriber.set(row.subscriberId!, [...(bySubscriber.get(row.subscriberId!) ?? []), row]);
  return bySubscriber;
}

/** Number of devices per tenant asked for, one statement for the whole page. */
export async function deviceCountsOfTenants(em: EntityManager, tenantIds: readonly string[]): Promise<Map<string, number>> {
  const rows = await em.execute<{ tenant_id: string; count: string }[]>(
    `select tenant_id, count(*)::text as count from device where tenant_id = any(?::uuid[]) group by tenant_id`,
    [`{${tenantIds.join(',')}}`],
  );
  return new Map(rows.map((row) => [row.tenant_id, Number(row.count)]));
}
