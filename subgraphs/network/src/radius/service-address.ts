import { AppError, expectGlobalId, toGlobalId, type EntityManager } from '@dotmac/kernel';
import { allocateNextAddress } from '../ipam/ip-allocation.service.js';
import { IpPool } from '../ipam/ip-pool.entity.js';
import type { AllocateNextAddressInput } from '../ipam/ipam.input.js';
import { notFoundIn } from '../shared/errors.js';
import type { Service } from './service.entity.js';

/**
 * Gives the service the lowest free address of an IPv4 pool (IPAM's allocation, so the address is
 * in the ISP's history as the subscriber's). Framed-IP-Address is IPv4, so IPv6 pools are refused.
 */
export async function assignStaticAddress(em: EntityManager, service: Service, poolGlobalId: string, actorId?: string): Promise<void> {
  const field = 'staticIpPoolId';
  const poolId = expectGlobalId(poolGlobalId, 'IpPool', field);
  const pool = await em.findOne(IpPool, { id: poolId });
  if (!pool) throw notFoundIn('IpPool', field);
  if (pool.startAddress.includes(':')) throw AppError.badInput('A static RADIUS address (Framed-IP-Address) is IPv4; this pool is IPv6', field);
  const request = {
    poolId: poolGlobalId,
    assignee: { subscriberId: toGlobalId('Subscriber', service.subscriberId) },
    description: `RADIUS service ${service.username}`,
  } as AllocateNextAddressInput;
  const allocation = await allocateNextAddress(em, request, actorId).catch((error: unknown) => {
    if (error instanceof AppError && error.details.field === 'poolId') throw new AppError(error.code, error.message, { ...error.details, field });
    throw error;
  });
  service.staticIp = allocation.address;
  service.ipAllocationId = allocation.id;
}

/** Ends the service's address allocation (it stays in IPAM's history); the service keeps no address. */
export async function releaseStaticAddress(em: EntityManager, service: Service, actorId?: string): Promise<void> {
  if (service.ipAllocationId) {
    await em.execute(`update ip_allocation set released_at = now(), released_by = ? where id = ? and released_at is null`, [actorId ?? null, service.ipAllocationId]);
  }
  service.staticIp = null;
  service.ipAllocationId = null;
}
