import { beforeAll, describe, expect, it } from 'vitest';
import { dataOf, gql } from '../support/client.js';
import { createIsp, createSubscribers, platformAdmin, type Isp } from '../support/fixtures.js';
import { createDevice, createSite } from './network-fixtures.js';
import { fewestStatementsOf } from '../support/sql-statements.js';

describe('network fields on Subscriber and Tenant', () => {
  let isp: Isp;
  let token: string;

  beforeAll(async () => {
    isp = await createIsp('net-fed');
    token = isp.admin.accessToken;
    const site = await createSite(token);
    const subscribers = await createSubscribers(token, 15, 'Fed');
    const olt = await createDevice(token, { kind: 'OLT', name: 'olt-fed', siteId: site.id });
    for (const [i, subscriberId] of subscribers.entries()) {
      await createDevice(token, { kind: i % 2 ? 'CPE' : 'ONU', name: `cpe-${String(i).padStart(2, '0')}`, subscriberId, parentId: olt.id, siteId: site.id, credentials: { password: 'x' } });
    }
  });

  it('lists each subscriber its devices, at the same number of statements for 5 subscribers as for 15', async () => {
    const query = `query($n: Int) { subscribers(first: $n, orderBy: { field: CREATED_AT, direction: ASC }) { edges { node {
      name devices { name kind hasCredentials site { name } parent { name } interfaces { name } } } } } }`;
    const first = dataOf(await gql(query, { n: 2 }, { token })).subscribers.edges;
    expect(first[0].node.devices).toMatchObject([{ name: 'cpe-00', kind: 'ONU', hasCredentials: true, parent: { name: 'olt-fed' }, interfaces: [] }]);
    const measure = (n: number) =>
      fewestStatementsOf('network', async () => {
        const edges = dataOf(await gql(query, { n }, { token })).subscribers.edges;
        expect(edges.every((edge: any) => edge.node.devices.length === 1)).toBe(true);
      });
    const five = await measure(5);
    const fifteen = await measure(15);
    expect(fifteen).toBe(five);
    // One transaction (begin, scope, select, commit) per batched field: devices, secrets, site, parent, interfaces.
    expect(five).toBeLessThanOrEqual(5 * 4);
  });

  it('counts devices per tenant in one statement for a page of tenants', async () => {
    const admin = await platformAdmin();
    const query = `query($n: Int) { tenants(first: $n) { edges { node { id deviceCount } } } }`;
    const page = dataOf(await gql(query, { n: 100 }, { token: admin.accessToken })).tenants.edges;
    expect(page.find((edge: any) => edge.node.id === isp.tenantId).node.deviceCount).toBe(16);
    const measure = (n: number) => fewestStatementsOf('network', async () => void dataOf(await gql(query, { n }, { token: admin.accessToken })));
    expect(await measure(20)).toBe(await measure(3));
    // One transaction: begin, scope, the grouped count, commit.
    expect(await measure(3)).toBe(4);
  });

  it("answers an ISP's own deviceCount to its staff", async () => {
    const own = dataOf(await gql(`query($id: ID!) { tenant(id: $id) { deviceCount } }`, { id: isp.tenantId }, { token })).tenant;
    expect(own.deviceCount).toBe(16);
  });
});
