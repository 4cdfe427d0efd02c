import { LockMode } from '@mikro-orm/core';
import { AppError, expectGlobalId, type EntityManager } from '@dotmac/kernel';
import { notFoundIn } from '../shared/errors.js';
import { optionalText } from '../shared/text.js';
import { conflictOnUnique } from '../shared/unique-violation.js';
import { formatAddress, parseAddress } from './ip-address.js';
import { assigneeOf } from './ip-assignee.js';
import { IpAllocation } from './ip-allocation.entity.js';
import { IpPool } from './ip-pool.entity.js';
import type { AllocateAddressInput, AllocateNextAddressInput, IpAssigneeInput } from './ipam.input.js';

const ADDRESS_TAKEN = { ip_allocation_active_address_unique: { message: 'That address is already allocated', field: 'address' } };

/**
 * Locks the pool row until the transaction ends: allocations from one pool queue up behind each
 * other (across processes), so "first free address" is never answered twice with the same address.
 */
async function lockPool(em: EntityManager, poolGlobalId: string): Promise<IpPool> {
  const id = expectGlobalId(poolGlobalId, 'IpPool', 'poolId');
  const pool = await em.findOne(IpPool, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!pool) throw notFoundIn('IpPool', 'poolId');
  return pool;
}

/**
 * The lowest free address of the pool, found without walking the range: the candidates are the
 * pool's first address and the address right after each taken one (allocated anywhere in the
 * ISP, the gateway, the reserved), so the query reads as many rows as are taken, even in an IPv6
 * pool of 2^64 addresses. Undefined when the pool is full.
 */
async function firstFreeAddress(em: EntityManager, pool: IpPool): Promise<string | undefined> {
  const [row] = await em.execute<{ address: string }[]>(
    `with taken as (
       select address as a from ip_allocation
        where tenant_id = ? and released_at is null and address between ?::inet and ?::inet
       union select unnest(?::inet[])
     ), candidates as (
       select ?::inet as c
       union all
       select a + 1 from taken where a >= ?::inet and a < ?::inet
     )
     select host(c) as address from candidates where not exists (select 1 from taken where a = c) order by c limit 1`,
    [pool.tenantId, pool.startAddress, pool.endAddress, `{${[pool.gateway, ...pool.reserved].filter(Boolean).join(',')}}`, pool.startAddress, pool.startAddress, pool.endAddress],
  );
  return row?.address;
}

function idempotencyKeyOf(key: string | null | undefined): string | null {
  if (key == null) return null;
  if (key.length < 1 || key.length > 200) throw AppError.badInput('idempotencyKey must be 1–200 characters', 'idempotencyKey');
  return key;
}

interface NewAllocation {
  pool: IpPool;
  address: string;
  assignee: IpAssigneeInput;
  description?: string | null;
  idempotencyKey?: string | null;
  actorId?: string;
}

async function insertAllocation(em: EntityManager, allocation: NewAllocation): Promise<IpAllocation> {
  const description = optionalText(allocation.description, 'description', 500);
  const assignee = await assigneeOf(em, allocation.assignee);
  const created = em.create(IpAllocation, {
    tenantId: allocation.pool.tenantId,
    poolId: allocation.pool.id,
    address: allocation.address,
    assigneeType: assignee.type,
    assigneeId: assignee.id,
    description,
    idempotencyKey: allocation.idempotencyKey ?? null,
    allocatedBy: allocation.actorId ?? null,
  });
  await conflictOnUnique(() => em.flush(), {
    ...ADDRESS_TAKEN,
    ip_allocation_idempotency_unique: { message: 'That idempotency key was used for another allocation', field: 'idempotencyKey' },
  });
  return created;
}

/** Allocates the pool's lowest free address; a retry with the same idempotency key returns the first answer. */
export async function allocateNextAddress(em: EntityManager, input: AllocateNextAddressInput, actorId?: string): Promise<IpAllocation> {
  const idempotencyKey = idempotencyKeyOf(input.idempotencyKey);
  const pool = await lockPool(em, input.poolId);
  if (idempotencyKey) {
    const earlier = await em.findOne(IpAllocation, { tenantId: pool.tenantId, idempotencyKey });
    if (earlier && earlier.poolId !== pool.id) throw AppError.conflict('That idempotency key was used with another pool', 'idempotencyKey');
    if (earlier) return earlier;
  }
  const address = await firstFreeAddress(em, pool);
  if (!address) throw AppError.conflict(`Pool "${pool.name}" has no free address (${pool.startAddress}–${pool.endAddress})`, 'poolId');
  return insertAllocation(em, { pool, address, assignee: input.assignee, description: input.description, idempotencyKey, actorId });
}

/** Allocates one named address of the pool: inside its range, not its gateway or a reserved one, not taken. */
export async function allocateAddress(em: EntityManager, input: AllocateAddressInput, actorId?: string): Promise<IpAllocation> {
  const pool = await lockPool(em, input.poolId);
  const wanted = parseAddress(input.address);
  const [start, end] = [parseAddress(pool.startAddress)!, parseAddress(pool.endAddress)!];
  if (!wanted) throw AppError.badInput(`"${input.address}" is not an IP address`, 'address');
  const address = formatAddress(wanted);
  if (wanted.family !== start.family || wanted.value < start.value || wanted.value > end.value) {
    throw AppError.badInput(`${address} is outside pool "${pool.name}" (${pool.startAddress}–${pool.endAddress})`, 'address');
  }
  if (address === pool.gateway) throw AppError.conflict(`${address} is the pool's gateway`, 'address');
  if (pool.reserved.includes(address)) throw AppError.conflict(`${address} is reserved in pool "${pool.name}"`, 'address');
  return insertAllocation(em, { pool, address, assignee: input.assignee, description: input.description, actorId });
}

/** Ends an allocation; the row stays as history. Releasing twice is a CONFLICT. */
export async function releaseAddress(em: EntityManager, allocationGlobalId: string, actorId?: string): Promise<IpAllocation> {
  const id = expectGlobalId(allocationGlobalId, 'IpAllocation', 'allocationId');
  const allocation = await em.findOne(IpAllocation, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!allocation) throw notFoundIn('IpAllocation', 'allocationId');
  if (allocation.releasedAt) throw AppError.conflict(`${allocation.address} was already released`, 'allocationId');
  allocation.releasedAt = new Date();
  allocation.releasedBy = actorId ?? null;
  await em.flush();
  return allocation;
}
