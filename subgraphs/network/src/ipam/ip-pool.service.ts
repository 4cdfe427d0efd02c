import type { FilterQuery } from '@mikro-orm/core';
import { AppError, containsPattern, expectGlobalId, lockKey, paginate, SortDirection, type ConnectionArgs, type EntityManager } from '@dotmac/kernel';
import { notFoundIn } from '../shared/errors.js';
import { optionalText, requiredText } from '../shared/text.js';
import { conflictOnUnique } from '../shared/unique-violation.js';
import { formatAddress } from './ip-address.js';
import { IpPool } from './ip-pool.entity.js';
import { IpPoolType } from './ip-pool.type.js';
import { findPrefix } from './ip-prefix.service.js';
import { addressIn, storedPrefix, usableRange } from './ip-range.js';
import type { CreatePoolInput, PoolFilter } from './ipam.input.js';

const MAX_RESERVED = 256;

export async function findPool(em: EntityManager, id: string, field = 'poolId'): Promise<IpPool> {
  const pool = await em.findOne(IpPool, { id });
  if (!pool) throw notFoundIn('IpPool', field);
  return pool;
}

/** Two pools of one ISP never share an address, so "next free address" has one answer per address. */
async function refuseOverlap(em: EntityManager, tenantId: string, start: string, end: string): Promise<void> {
  const [clash] = await em.execute<{ name: string }[]>(
    `select name from ip_pool where tenant_id = ? and family(start_address) = family(?::inet) and start_address <= ?::inet and end_address >= ?::inet limit 1`,
    [tenantId, start, end, start],
  );
  if (clash) throw AppError.conflict(`The range overlaps pool "${clash.name}"`, 'startAddress');
}

export async function createPool(em: EntityManager, tenantId: string, input: CreatePoolInput): Promise<IpPool> {
  const prefix = await findPrefix(em, expectGlobalId(input.prefixId, 'IpPrefix', 'prefixId'));
  const net = storedPrefix(prefix.prefix);
  const name = requiredText(input.name, 'name');
  if ((input.startAddress == null) !== (input.endAddress == null)) throw AppError.badInput('Give startAddress and endAddress together, or neither for the whole prefix', input.startAddress == null ? 'startAddress' : 'endAddress');
  const range = input.startAddress && input.endAddress
    ? { start: addressIn(net, input.startAddress, 'startAddress'), end: addressIn(net, input.endAddress, 'endAddress') }
    : usableRange(net);
  if (range.start.value > range.end.value) throw AppError.badInput('startAddress comes after endAddress', 'endAddress');
  const gateway = input.gateway ? formatAddress(addressIn(net, input.gateway, 'gateway')) : null;
  const reservedList = input.reserved ?? [];
  if (reservedList.length > MAX_RESERVED) throw AppError.badInput(`At most ${MAX_RESERVED} reserved addresses`, 'reserved');
  const reserved = [...new Set(reservedList.map((text, i) => formatAddress(addressIn(net, text, `reserved.${i}`))))];
  const start = formatAddress(range.start);
  const end = formatAddress(range.end);
  await lockKey(em, `ipam-pools:${tenantId}`);
  await refuseOverlap(em, tenantId, start, end);
  const pool = em.create(IpPool, { tenantId, prefixId: prefix.id, name, startAddress: start, endAddress: end, gateway, reserved, description: optionalText(input.description, 'description', 2000) });
  await conflictOnUnique(() => em.flush(), { ip_pool_tenant_name_unique: { message: 'Another pool of this ISP has that name', field: 'name' } });
  return pool;
}

export function listPools(em: EntityManager, tenantId: string, filter: PoolFilter | undefined, args: ConnectionArgs) {
  const where: FilterQuery<IpPool> & Record<string, unknown> = { tenantId };
  if (filter?.prefixId) where.prefixId = expectGlobalId(filter.prefixId, 'IpPrefix', 'filter.prefixId');
  if (filter?.search?.trim()) where.name = { $ilike: containsPattern(filter.search) };
  return paginate(em, IpPool, { where, sortField: 'name', sortDirection: SortDirection.ASC, args }, IpPoolType.from);
}

/** Active allocations per pool asked for, one statement for the page. */
export async function allocatedCounts(em: EntityManager, poolIds: readonly string[]): Promise<Map<string, number>> {
  const rows = await em.execute<{ pool_id: string; count: string }[]>(
    `select pool_id, count(*)::text as count from ip_allocation where pool_id = any(?::uuid[]) and released_at is null group by pool_id`,
    [`{${poolIds.join(',')}}`],
  );
  return new Map(rows.map((row) => [row.pool_id, Number(row.count)]));
}
