import { beforeAll, describe, expect, it } from 'vitest';
import { codeOf, dataOf, gql } from '../support/client.js';
import { createIsp, createSubscribers, type Isp } from '../support/fixtures.js';
import { CREATE_DEVICE, createDevice, createSite, DEVICE_FIELDS, staffLogin, UPDATE_DEVICE, uniqueName } from './network-fixtures.js';

const LIST = `query($filter: DeviceFilter, $orderBy: DeviceOrder, $first: Int, $after: String) {
  devices(first: $first, after: $after, filter: $filter, orderBy: $orderBy) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name kind status } } } }`;

describe('devices', () => {
  let isp: Isp;
  let token: string;
  const create = async (input: Record<string, unknown>) => dataOf(await gql(CREATE_DEVICE, { input }, { token })).createDevice;
  const update = async (input: Record<string, unknown>) => dataOf(await gql(UPDATE_DEVICE, { input }, { token })).updateDevice;

  beforeAll(async () => {
    isp = await createIsp('devices');
    token = isp.admin.accessToken;
  });

  it('creates a device at a site with a management IP and SNMP v2c, never returning the community', async () => {
    const site = await createSite(token);
    const created = await create({
      kind: 'OLT', name: 'olt-1', vendor: 'Huawei', model: 'MA5800', serial: uniqueName('SN'), siteId: site.id,
      managementIp: '192.0.2.10', snmp: { version: 'V2C', community: 'very-secret-community' },
    });
    expect(created.userErrors).toEqual([]);
    expect(created.device).toMatchObject({
      kind: 'OLT', status: 'ACTIVE', name: 'olt-1', vendor: 'Huawei', managementIp: '192.0.2.10', site: { id: site.id }, hasCredentials: false,
      snmp: { version: 'V2C', port: 161, hasCommunity: true, hasAuthKey: false, hasPrivKey: false },
    });
    expect(JSON.stringify(created)).not.toContain('very-secret-community');
  });

  it('refuses a duplicate management IP or serial within the ISP with CONFLICT, and writes nothing', async () => {
    const serial = uniqueName('SN');
    await createDevice(token, { managementIp: '2001:db8::10', serial });
    const sameIp = await create({ kind: 'SWITCH', name: 'sw', managementIp: '2001:0db8:0:0::10' });
    expect(sameIp.userErrors).toEqual([{ code: 'CONFLICT', field: ['managementIp'], message: 'Another device of this ISP has that management IP' }]);
    const sameSerial = await create({ kind: 'SWITCH', name: 'sw', serial });
    expect(sameSerial.userErrors[0]).toMatchObject({ code: 'CONFLICT', field: ['serial'] });
    const other = await createIsp('devices-other');
    await createDevice(other.admin.accessToken, { managementIp: '2001:db8::10', serial });
    const count = dataOf(await gql(LIST, { filter: { search: 'sw' } }, { token })).devices.edges.filter((edge: any) => edge.node.name === 'sw');
    expect(count).toEqual([]);
  });

  it('validates input with coded errors', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'ROUTER', name: '' }, 'name'],
      [{ kind: 'ROUTER', name: 'r', managementIp: '300.1.1.1' }, 'managementIp'],
      [{ kind: 'ROUTER', name: 'r', siteId: 'nope' }, 'siteId'],
      [{ kind: 'ROUTER', name: 'r', snmp: { version: 'V2C' } }, 'snmp.community'],
      [{ kind: 'ROUTER', name: 'r', snmp: { version: 'V3' } }, 'snmp.v3User'],
      [{ kind: 'ROUTER', name: 'r', snmp: { version: 'V3', v3User: 'u', v3AuthProtocol: 'SHA', v3AuthKey: 'short' } }, 'snmp.v3AuthKey'],
      [{ kind: 'ROUTER', name: 'r', snmp: { version: 'V3', v3User: 'u', v3PrivProtocol: 'AES', v3PrivKey: 'long-enough' } }, 'snmp.v3AuthProtocol'],
      [{ kind: 'ROUTER', name: 'r', snmp: { version: 'V2C', community: 'c', port: 70000 } }, 'snmp.port'],
    ];
    for (const [input, field] of cases) {
      const result = await create(input);
      expect(result.device, field).toBeNull();
      expect(result.userErrors[0], field).toMatchObject({ code: 'BAD_USER_INPUT', field: field.split('.') });
    }
  });

  it('links only a CPE or an ONU to a subscriber, and lists them on the subscriber', async () => {
    const [subscriberId] = await createSubscribers(token, 1, 'Premises');
    const cpe = await createDevice(token, { kind: 'CPE', name: 'cpe-home', subscriberId });
    expect(cpe.subscriber).toEqual({ id: subscriberId });
    const router = await create({ kind: 'ROUTER', name: 'r', subscriberId });
    expect(router.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['subscriberId'] });
    const found = dataOf(await gql(`query($id: ID!) { node(id: $id) { ... on Subscriber { name devices { id name kind } } } }`, { id: subscriberId }, { token })).node;
    expect(found).toEqual({ name: 'Premises 0', devices: [{ id: cpe.id, name: 'cpe-home', kind: 'CPE' }] });
  });

  it('builds a topology and refuses a cycle', async () => {
    const core = await createDevice(token, { name: 'core' });
    const agg = await createDevice(token, { kind: 'SWITCH', name: 'agg', parentId: core.id });
    const access = await createDevice(token, { kind: 'SWITCH', name: 'access', parentId: agg.id });
    expect(access.parent).toEqual({ id: agg.id, name: 'agg' });
    const read = dataOf(await gql(`query($id: ID!) { device(id: $id) { children { name } parent { name } } }`, { id: agg.id }, { token })).device;
    expect(read).toEqual({ children: [{ name: 'access' }], parent: { name: 'core' } });
    const loop = await update({ deviceId: core.id, parentId: access.id });
    expect(loop.userErrors[0]).toMatchObject({ code: 'CONFLICT', field: ['parentId'] });
    const self = await update({ deviceId: core.id, parentId: core.id });
    expect(self.userErrors[0]).toMatchObject({ code: 'CONFLICT', field: ['parentId'] });
    const moved = await update({ deviceId: access.id, parentId: core.id });
    expect(moved.device.parent).toEqual({ id: core.id, name: 'core' });
  });

  it('filters by site, kind, status and search, and pages with a cursor', async () => {
    const site = await createSite(token);
    const tag = uniqueName('flt');
    for (const [kind, status] of [['ROUTER', 'ACTIVE'], ['SWITCH', 'PLANNED'], ['SWITCH', 'ACTIVE'], ['UPS', 'DECOMMISSIONED']]) {
      await createDevice(token, { kind, status, name: `${tag}-${kind}-${status}`, siteId: site.id });
    }
    const bySite = dataOf(await gql(LIST, { filter: { siteIds: [site.id] }, first: 2 }, { token })).devices;
    expect(bySite.totalCount).toBe(4);
    expect(bySite.pageInfo.hasNextPage).toBe(true);
    const next = dataOf(await gql(LIST, { filter: { siteIds: [site.id] }, first: 2, after: bySite.pageInfo.endCursor }, { token })).devices;
    expect(next.edges).toHaveLength(2);
    const switches = dataOf(await gql(LIST, { filter: { siteIds: [site.id], kind: ['SWITCH'], status: ['ACTIVE'] } }, { token })).devices;
    expect(switches.edges.map((edge: any) => edge.node.name)).toEqual([`${tag}-SWITCH-ACTIVE`]);
    const search = dataOf(await gql(LIST, { filter: { search: `${tag}-ups` } }, { token })).devices;
    expect(search.edges.map((edge: any) => edge.node.status)).toEqual(['DECOMMISSIONED']);
    const byKindDesc = dataOf(await gql(LIST, { filter: { siteIds: [site.id] }, orderBy: { field: 'KIND', direction: 'DESC' } }, { token })).devices;
    expect(byKindDesc.edges[0].node.kind).toBe('UPS');
  });

  it('updates a device: absent fields stay, null clears, SNMP can switch to v3', async () => {
    const device = await createDevice(token, { vendor: 'MikroTik', snmp: { version: 'V2C', community: 'public-ish' } });
    const updated = await update({ deviceId: device.id, vendor: null, snmp: { version: 'V3', v3User: 'poller', v3AuthProtocol: 'SHA256', v3AuthKey: 'auth-key-123', v3PrivProtocol: 'AES', v3PrivKey: 'priv-key-123' } });
    expect(updated.userErrors).toEqual([]);
    expect(updated.device).toMatchObject({ name: device.name, vendor: null, snmp: { version: 'V3', v3User: 'poller', v3AuthProtocol: 'SHA256', v3PrivProtocol: 'AES', hasCommunity: false, hasAuthKey: true, hasPrivKey: true } });
    const cleared = await update({ deviceId: device.id, snmp: null });
    expect(cleared.device.snmp).toBeNull();
  });

  it('lets NOC write, support read only, billing nothing', async () => {
    const noc = await staffLogin(isp.tenantId, isp.slug, ['NOC']);
    const support = await staffLogin(isp.tenantId, isp.slug, ['SUPPORT_AGENT']);
    const billing = await staffLogin(isp.tenantId, isp.slug, ['BILLING']);
    expect(dataOf(await gql(CREATE_DEVICE, { input: { kind: 'ROUTER', name: 'noc-made' } }, { token: noc.accessToken })).createDevice.userErrors).toEqual([]);
    expect(dataOf(await gql(LIST, {}, { token: support.accessToken })).devices.totalCount).toBeGreaterThan(0);
    expect(codeOf(await gql(CREATE_DEVICE, { input: { kind: 'ROUTER', name: 'x' } }, { token: support.accessToken }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(LIST, {}, { token: billing.accessToken }))).toBe('FORBIDDEN');
  });

  it('records an audit entry for every change', async () => {
    const device = await createDevice(token);
    await update({ deviceId: device.id, description: 'audited' });
    await expect.poll(async () => {
      const log = dataOf(await gql(`{ auditLog(first: 50, filter: { service: "network" }) { edges { node { operation targetId targetType } } } }`, {}, { token })).auditLog;
      return log.edges.filter((edge: any) => edge.node.targetId === device.id).map((edge: any) => `${edge.node.targetType}.${edge.node.operation}`).sort();
    }, { timeout: 10_000 }).toEqual(['Device.createDevice', 'Device.updateDevice']);
  });

  it('answers a device query with its fields', async () => {
    const device = await createDevice(token);
    const read = dataOf(await gql(`query($id: ID!) { device(id: $id) { ${DEVICE_FIELDS} } }`, { id: device.id }, { token })).device;
    expect(read).toEqual(device);
  });
});
