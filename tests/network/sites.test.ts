import { beforeAll, describe, expect, it } from 'vitest';
import { codeOf, dataOf, gql } from '../support/client.js';
import { createIsp, type Isp } from '../support/fixtures.js';
import { CREATE_SITE, createSite, SITE_FIELDS, staffLogin, UPDATE_SITE, uniqueName } from './network-fixtures.js';

const LIST = `query($filter: SiteFilter, $orderBy: SiteOrder) { sites(first: 50, filter: $filter, orderBy: $orderBy) { totalCount edges { node { ${SITE_FIELDS} } } } }`;

describe('sites', () => {
  let isp: Isp;
  let token: string;
  const create = async (input: Record<string, unknown>) => dataOf(await gql(CREATE_SITE, { input }, { token })).createSite;
  const update = async (input: Record<string, unknown>) => dataOf(await gql(UPDATE_SITE, { input }, { token })).updateSite;

  beforeAll(async () => {
    isp = await createIsp('sites');
    token = isp.admin.accessToken;
  });

  it('creates a site with an address and a point, and lists it', async () => {
    const created = await create({ name: 'Main POP', address: '1 Fiber Way', latitude: 52.520008, longitude: 13.404954, description: 'Core' });
    expect(created.userErrors).toEqual([]);
    expect(created.site).toMatchObject({ name: 'Main POP', address: '1 Fiber Way', latitude: 52.520008, longitude: 13.404954, description: 'Core' });
    const list = dataOf(await gql(LIST, { filter: { search: 'fiber way' } }, { token })).sites;
    expect(list.edges.map((edge: any) => edge.node.id)).toEqual([created.site.id]);
  });

  it('refuses a second site of the same name (case aside) with CONFLICT', async () => {
    const name = uniqueName('Tower');
    await createSite(token, { name });
    const again = await create({ name: name.toUpperCase() });
    expect(again.site).toBeNull();
    expect(again.userErrors).toEqual([{ code: 'CONFLICT', field: ['name'], message: 'Another site of this ISP has that name' }]);
  });

  it('validates coordinates and names', async () => {
    expect((await create({ name: 'North', latitude: 91, longitude: 0 })).userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['latitude'] });
    expect((await create({ name: 'North', latitude: 10, longitude: -180.5 })).userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['longitude'] });
    expect((await create({ name: 'North', latitude: 10 })).userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['longitude'] });
    expect((await create({ name: '   ' })).userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['name'] });
  });

  it('updates a site: absent fields stay, null clears', async () => {
    const site = await createSite(token, { address: 'Old street', latitude: 1, longitude: 2 });
    const updated = await update({ siteId: site.id, address: null, latitude: null, longitude: null, description: 'Moved' });
    expect(updated.userErrors).toEqual([]);
    expect(updated.site).toMatchObject({ name: site.name, address: null, latitude: null, longitude: null, description: 'Moved' });
  });

  it('lets support read but not write, and billing neither', async () => {
    const support = await staffLogin(isp.tenantId, isp.slug, ['SUPPORT_AGENT']);
    const billing = await staffLogin(isp.tenantId, isp.slug, ['BILLING']);
    expect(dataOf(await gql(LIST, {}, { token: support.accessToken })).sites.totalCount).toBeGreaterThan(0);
    expect(codeOf(await gql(CREATE_SITE, { input: { name: 'X' } }, { token: support.accessToken }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(LIST, {}, { token: billing.accessToken }))).toBe('FORBIDDEN');
  });

  it("never shows or changes another ISP's site", async () => {
    const other = await createIsp('sites-other');
    const theirs = await createSite(other.admin.accessToken, { name: 'Theirs' });
    const mine = dataOf(await gql(LIST, {}, { token })).sites.edges.map((edge: any) => edge.node.id);
    expect(mine).not.toContain(theirs.id);
    expect(codeOf(await gql(`query($id: ID!) { site(id: $id) { id } }`, { id: theirs.id }, { token }))).toBe('NOT_FOUND');
    expect(codeOf(await gql(`query($id: ID!) { node(id: $id) { id ... on Site { name } } }`, { id: theirs.id }, { token }))).toBe('NOT_FOUND');
    const hijack = await update({ siteId: theirs.id, name: 'Mine now' });
    expect(hijack.userErrors[0]).toMatchObject({ code: 'NOT_FOUND', field: ['siteId'] });
  });

  it('resolves a site through node(id)', async () => {
    const site = await createSite(token);
    const found = dataOf(await gql(`query($id: ID!) { node(id: $id) { id ... on Site { name } } }`, { id: site.id }, { token })).node;
    expect(found).toEqual({ id: site.id, name: site.name });
  });
});
