import { beforeAll, describe, expect, it } from 'vitest';
import { fromGlobalId } from '@dotmac/kernel';
import { codeOf, dataOf, gql } from '../support/client.js';
import { createIsp, platformAdmin, type Isp } from '../support/fixtures.js';
import { ALLOCATE_NEXT, createDevice, createPool, createPrefix, createSite, withNetworkDb } from './network-fixtures.js';

describe('network tenant isolation', () => {
  let alpha: Isp;
  let beta: Isp;
  let betaPool: { id: string };
  let betaDevice: { id: string };

  beforeAll(async () => {
    [alpha, beta] = await Promise.all([createIsp('net-alpha'), createIsp('net-beta')]);
    await createSite(alpha.admin.accessToken);
    await createDevice(alpha.admin.accessToken);
    betaDevice = await createDevice(beta.admin.accessToken);
    const prefix = await createPrefix(beta.admin.accessToken, '10.250.0.0/24');
    betaPool = await createPool(beta.admin.accessToken, prefix.id);
  });

  it("never allocates in another ISP's pool, nor to another ISP's device", async () => {
    const mine = await createDevice(alpha.admin.accessToken);
    const intoTheirs = dataOf(await gql(ALLOCATE_NEXT, { input: { poolId: betaPool.id, assignee: { deviceId: mine.id } } }, { token: alpha.admin.accessToken })).allocateNextAddress;
    expect(intoTheirs.userErrors[0]).toMatchObject({ code: 'NOT_FOUND', field: ['poolId'] });
    const prefix = await createPrefix(alpha.admin.accessToken, '10.250.0.0/24');
    const myPool = await createPool(alpha.admin.accessToken, prefix.id);
    const toTheirDevice = dataOf(await gql(ALLOCATE_NEXT, { input: { poolId: myPool.id, assignee: { deviceId: betaDevice.id } } }, { token: alpha.admin.accessToken })).allocateNextAddress;
    expect(toTheirDevice.userErrors[0]).toMatchObject({ code: 'NOT_FOUND', field: ['assignee', 'deviceId'] });
    const same = dataOf(await gql(ALLOCATE_NEXT, { input: { poolId: myPool.id, assignee: { deviceId: mine.id } } }, { token: alpha.admin.accessToken })).allocateNextAddress;
    expect(same.allocation.address).toBe('10.250.0.1');
  });

  it("never lists or resolves another ISP's network objects", async () => {
    const token = alpha.admin.accessToken;
    const lists = dataOf(await gql(`{ devices(first: 100) { edges { node { id } } } ipPools(first: 100) { edges { node { id } } } }`, {}, { token }));
    const ids = [...lists.devices.edges, ...lists.ipPools.edges].map((edge: any) => edge.node.id);
    expect(ids).not.toContain(betaDevice.id);
    expect(ids).not.toContain(betaPool.id);
    expect(codeOf(await gql(`query($id: ID!) { node(id: $id) { ... on IpPool { name } } }`, { id: betaPool.id }, { token }))).toBe('NOT_FOUND');
    expect(codeOf(await gql(`query($id: ID!) { device(id: $id) { name } }`, { id: betaDevice.id }, { token }))).toBe('NOT_FOUND');
    expect(codeOf(await gql(`query($t: ID) { devices(tenantId: $t) { totalCount } }`, { t: beta.tenantId }, { token }))).toBe('NOT_FOUND');
  });

  it('lets a platform admin read a named ISP and no ISP without naming it', async () => {
    const admin = await platformAdmin();
    const named = dataOf(await gql(`query($t: ID) { devices(tenantId: $t) { totalCount } }`, { t: beta.tenantId }, { token: admin.accessToken })).devices;
    expect(named.totalCount).toBe(1);
    expect(codeOf(await gql(`{ devices { totalCount } }`, {}, { token: admin.accessToken }))).toBe('BAD_USER_INPUT');
  });

  it('keeps every network table behind row-level security for the application role', async () => {
    const alphaId = fromGlobalId(alpha.tenantId).id;
    const tables = ['site', 'device', 'device_secret', 'network_interface', 'ip_prefix', 'ip_pool', 'ip_allocation', 'outbox_event'];
    for (const table of tables) {
      const visible = await withNetworkDb((client) => client.query(`select count(*)::int as n from "${table}" where tenant_id <> $1`, [alphaId]), { role: 'app', tenantId: alphaId });
      expect(visible.rows[0].n, table).toBe(0);
    }
    const unscoped = await withNetworkDb(async (client) => {
      await client.query(`select set_config('app.scope', '', true), set_config('app.tenant_id', '', true)`);
      return client.query(`select count(*)::int as n from device`);
    }, { role: 'app', tenantId: alphaId });
    expect(unscoped.rows[0].n).toBe(0);
    const flags = await withNetworkDb((client) =>
      client.query(`select relname, relrowsecurity, relforcerowsecurity from pg_class where relname = any($1)`, [tables]),
    );
    expect(flags.rows.every((row) => row.relrowsecurity && row.relforcerowsecurity)).toBe(true);
    expect(flags.rows).toHaveLength(tables.length);
  });
});
