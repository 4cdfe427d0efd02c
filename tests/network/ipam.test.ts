import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromGlobalId } from '@dotmac/kernel';
import { dataOf, gql } from '../support/client.js';
import { createIsp, createSubscribers, type Isp } from '../support/fixtures.js';
import { ALLOCATE, ALLOCATE_NEXT, CREATE_POOL, CREATE_PREFIX, createDevice, createPool, createPrefix, RELEASE, withNetworkDb } from './network-fixtures.js';

describe('IP address management', () => {
  let isp: Isp;
  let token: string;
  let device: { id: string };
  const call = async (mutation: string, name: string, input: Record<string, unknown>) => dataOf(await gql(mutation, { input }, { token }))[name];
  const next = (poolId: string, extra: Record<string, unknown> = {}) => call(ALLOCATE_NEXT, 'allocateNextAddress', { poolId, assignee: { deviceId: device.id }, ...extra });

  beforeAll(async () => {
    isp = await createIsp('ipam');
    token = isp.admin.accessToken;
    device = await createDevice(token);
  });

  it('refuses an invalid CIDR and one with host bits set, naming the right prefix', async () => {
    expect((await call(CREATE_PREFIX, 'createPrefix', { prefix: '10.0.0.0/33' })).userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['prefix'] });
    expect((await call(CREATE_PREFIX, 'createPrefix', { prefix: 'banana' })).userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['prefix'] });
    const hostBits = await call(CREATE_PREFIX, 'createPrefix', { prefix: '10.1.2.3/16' });
    expect(hostBits.userErrors).toEqual([{ code: 'BAD_USER_INPUT', field: ['prefix'], message: '"10.1.2.3/16" has host bits set; the prefix is 10.1.0.0/16' }]);
    await createPrefix(token, '10.9.0.0/16');
    expect((await call(CREATE_PREFIX, 'createPrefix', { prefix: '10.9.0.0/16' })).userErrors[0]).toMatchObject({ code: 'CONFLICT', field: ['prefix'] });
  });

  it('nests prefixes: finds the parent, checks a named one, and adopts children of a prefix inserted between', async () => {
    const top = await createPrefix(token, '172.16.0.0/12');
    const leaf = await createPrefix(token, '172.16.1.0/24');
    expect(leaf.parent).toEqual({ id: top.id, prefix: '172.16.0.0/12' });
    const middle = await createPrefix(token, '172.16.0.0/16');
    expect(middle.parent?.id).toBe(top.id);
    const reread = dataOf(await gql(`query($id: ID!) { node(id: $id) { ... on IpPrefix { parent { prefix } } } }`, { id: leaf.id }, { token })).node;
    expect(reread.parent.prefix).toBe('172.16.0.0/16');
    const outside = await call(CREATE_PREFIX, 'createPrefix', { prefix: '192.168.0.0/24', parentId: top.id });
    expect(outside.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['prefix'] });
    const skipping = await call(CREATE_PREFIX, 'createPrefix', { prefix: '172.16.9.0/24', parentId: top.id });
    expect(skipping.userErrors[0]).toMatchObject({ code: 'CONFLICT', field: ['parentId'] });
    const v6 = await createPrefix(token, '2001:db8::/32');
    const v6child = await createPrefix(token, '2001:db8:100::/48', { parentId: v6.id });
    expect(v6child).toMatchObject({ family: 6, parent: { id: v6.id } });
  });

  it('allocates the lowest free addresses of a whole-prefix pool, skipping the gateway and reserved ones', async () => {
    const prefix = await createPrefix(token, '192.168.50.0/29');
    const pool = await createPool(token, prefix.id, { gateway: '192.168.50.1', reserved: ['192.168.50.3'] });
    expect(pool).toMatchObject({ startAddress: '192.168.50.1', endAddress: '192.168.50.6', size: '6', allocatedCount: 0 });
    const addresses = [];
    for (let i = 0; i < 4; i += 1) addresses.push((await next(pool.id)).allocation.address);
    expect(addresses).toEqual(['192.168.50.2', '192.168.50.4', '192.168.50.5', '192.168.50.6']);
    const full = await next(pool.id);
    expect(full.allocation).toBeNull();
    expect(full.userErrors[0]).toMatchObject({ code: 'CONFLICT', field: ['poolId'] });
    expect(full.userErrors[0].message).toContain('has no free address');
  });

  it('allocates a named address, refuses one outside the pool, the gateway, reserved or taken ones', async () => {
    const prefix = await createPrefix(token, '192.168.60.0/24');
    const pool = await createPool(token, prefix.id, { startAddress: '192.168.60.100', endAddress: '192.168.60.199', gateway: '192.168.60.1', reserved: ['192.168.60.150'] });
    const allocate = (address: string) => call(ALLOCATE, 'allocateAddress', { poolId: pool.id, address, assignee: { deviceId: device.id } });
    expect((await allocate('192.168.60.120')).allocation).toMatchObject({ address: '192.168.60.120', assigneeType: 'DEVICE', device: { id: device.id }, active: true });
    expect((await allocate('192.168.60.120')).userErrors[0]).toMatchObject({ code: 'CONFLICT', message: 'That address is already allocated' });
    expect((await allocate('192.168.60.50')).userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['address'] });
    expect((await allocate('192.168.60.150')).userErrors[0]).toMatchObject({ code: 'CONFLICT', field: ['address'] });
    expect((await allocate('10.0.0.1')).userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((await allocate('not-an-ip')).userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT' });
    const noAssignee = await call(ALLOCATE_NEXT, 'allocateNextAddress', { poolId: pool.id, assignee: {} });
    expect(noAssignee.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['assignee'] });
  });

  it('validates pools: inside the prefix, ordered, no overlap', async () => {
    const prefix = await createPrefix(token, '192.168.70.0/24');
    const bad = (input: Record<string, unknown>) => call(CREATE_POOL, 'createPool', { prefixId: prefix.id, name: `p-${randomUUID().slice(0, 6)}`, ...input });
    expect((await bad({ startAddress: '192.168.71.1', endAddress: '192.168.70.9' })).userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['startAddress'] });
    expect((await bad({ startAddress: '192.168.70.9', endAddress: '192.168.70.1' })).userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['endAddress'] });
    expect((await bad({ startAddress: '192.168.70.9' })).userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['endAddress'] });
    expect((await bad({ gateway: '192.168.99.1' })).userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['gateway'] });
    await createPool(token, prefix.id, { startAddress: '192.168.70.10', endAddress: '192.168.70.20' });
    expect((await bad({ startAddress: '192.168.70.20', endAddress: '192.168.70.30' })).userErrors[0]).toMatchObject({ code: 'CONFLICT' });
  });

  it('releases an address, reuses it, and keeps who/when history per address', async () => {
    const prefix = await createPrefix(token, '192.168.80.0/30');
    const pool = await createPool(token, prefix.id);
    const [subscriberId] = await createSubscribers(token, 1, 'IP holder');
    const first = (await call(ALLOCATE_NEXT, 'allocateNextAddress', { poolId: pool.id, assignee: { subscriberId }, description: 'static IP' })).allocation;
    expect(first).toMatchObject({ address: '192.168.80.1', assigneeType: 'SUBSCRIBER', subscriber: { id: subscriberId }, description: 'static IP' });
    const released = (await call(RELEASE, 'releaseAddress', { allocationId: first.id })).allocation;
    expect(released).toMatchObject({ active: false, releasedBy: first.allocatedBy });
    expect((await call(RELEASE, 'releaseAddress', { allocationId: first.id })).userErrors[0]).toMatchObject({ code: 'CONFLICT' });
    const again = (await next(pool.id)).allocation;
    expect(again.address).toBe('192.168.80.1');
    const history = dataOf(await gql(`query($filter: AllocationFilter) { ipAllocations(filter: $filter, orderBy: { field: ALLOCATED_AT, direction: ASC }) { totalCount edges { node { address active assigneeType allocatedAt releasedAt } } } }`,
      { filter: { address: '192.168.80.1' } }, { token })).ipAllocations;
    expect(history.edges.map((edge: any) => [edge.node.assigneeType, edge.node.active])).toEqual([['SUBSCRIBER', false], ['DEVICE', true]]);
    expect(history.edges[0].node.releasedAt).not.toBeNull();
  });

  it('returns the first allocation again for a retried idempotency key', async () => {
    const prefix = await createPrefix(token, '192.168.90.0/24');
    const pool = await createPool(token, prefix.id);
    const key = randomUUID();
    const once = (await next(pool.id, { idempotencyKey: key })).allocation;
    const twice = (await next(pool.id, { idempotencyKey: key })).allocation;
    expect(twice.id).toBe(once.id);
    expect((await next(pool.id)).allocation.address).toBe('192.168.90.2');
  });

  it('allocates in an IPv6 /64 pool without walking it', async () => {
    const prefix = await createPrefix(token, '2001:db8:aaaa:1::/64');
    const pool = await createPool(token, prefix.id, { gateway: '2001:db8:aaaa:1::1' });
    expect(pool).toMatchObject({ startAddress: '2001:db8:aaaa:1::1', endAddress: '2001:db8:aaaa:1:ffff:ffff:ffff:ffff', size: '18446744073709551615' });
    const addresses = [];
    for (let i = 0; i < 3; i += 1) addresses.push((await next(pool.id)).allocation.address);
    expect(addresses).toEqual(['2001:db8:aaaa:1::2', '2001:db8:aaaa:1::3', '2001:db8:aaaa:1::4']);
    const high = await call(ALLOCATE, 'allocateAddress', { poolId: pool.id, address: '2001:db8:aaaa:1:ffff:ffff:ffff:ffff', assignee: { deviceId: device.id } });
    expect(high.allocation.address).toBe('2001:db8:aaaa:1:ffff:ffff:ffff:ffff');
  });

  it('hands 200 concurrent allocations through the gateway 200 distinct addresses', async () => {
    const prefix = await createPrefix(token, '100.70.0.0/23');
    const pool = await createPool(token, prefix.id, { gateway: '100.70.0.1' });
    const results = await Promise.all(Array.from({ length: 200 }, () => next(pool.id)));
    const errors = results.flatMap((result) => result.userErrors);
    expect(errors).toEqual([]);
    const addresses = new Set(results.map((result) => result.allocation.address));
    expect(addresses.size).toBe(200);
    expect(addresses.has('100.70.0.1')).toBe(false);
    const counted = dataOf(await gql(`query($id: ID!) { node(id: $id) { ... on IpPool { allocatedCount } } }`, { id: pool.id }, { token })).node;
    expect(counted.allocatedCount).toBe(200);
  });

  it('lets the database itself refuse a second active allocation of one address', async () => {
    const prefix = await createPrefix(token, '192.168.95.0/24');
    const pool = await createPool(token, prefix.id);
    const taken = (await next(pool.id)).allocation;
    const tenantId = fromGlobalId(isp.tenantId).id;
    const insert = (released: boolean) =>
      withNetworkDb((client) =>
        client.query(
          `insert into ip_allocation (id, tenant_id, pool_id, address, assignee_type, assignee_id, allocated_at, released_at)
           values ($1, $2, $3, $4, 'device', $5, now() - interval '1 day', ${released ? 'now()' : 'null'})`,
          [randomUUID(), tenantId, fromGlobalId(pool.id).id, taken.address, fromGlobalId(device.id).id],
        ),
      );
    await expect(insert(false)).rejects.toThrow(/ip_allocation_active_address_unique/);
    await expect(insert(true)).resolves.toBeDefined();
  });
});
