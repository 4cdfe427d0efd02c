import { beforeAll, describe, expect, it } from 'vitest';
import { dataOf, gql } from '../support/client.js';
import { createIsp, type Isp } from '../support/fixtures.js';
import { createDevice, ERRORS } from './network-fixtures.js';

const FIELDS = `id name type macAddress speedMbps adminStatus operStatus ipAddresses description device { id }`;
const CREATE = `mutation($input: CreateInterfaceInput!) { createInterface(input: $input) { interface { ${FIELDS} } ${ERRORS} } }`;
const UPDATE = `mutation($input: UpdateInterfaceInput!) { updateInterface(input: $input) { interface { ${FIELDS} } ${ERRORS} } }`;

describe('interfaces', () => {
  let isp: Isp;
  let token: string;
  let device: { id: string };
  const create = async (input: Record<string, unknown>) => dataOf(await gql(CREATE, { input: { deviceId: device.id, ...input } }, { token })).createInterface;

  beforeAll(async () => {
    isp = await createIsp('ifaces');
    token = isp.admin.accessToken;
    device = await createDevice(token);
  });

  it('adds interfaces with a normalised MAC and addresses, listed on the device by name', async () => {
    const created = await create({ name: 'ge-0/0/1', type: 'ETHERNET', macAddress: 'AABB.CCDD.EEFF', speedMbps: 1000, ipAddresses: ['192.0.2.1/24', '2001:DB8::1/64'] });
    expect(created.userErrors).toEqual([]);
    expect(created.interface).toMatchObject({ name: 'ge-0/0/1', macAddress: 'aa:bb:cc:dd:ee:ff', adminStatus: 'UP', operStatus: 'UNKNOWN', ipAddresses: ['192.0.2.1/24', '2001:db8::1/64'], device: { id: device.id } });
    await create({ name: 'ae0', type: 'LAG' });
    const listed = dataOf(await gql(`query($id: ID!) { device(id: $id) { interfaces { name } } }`, { id: device.id }, { token })).device;
    expect(listed.interfaces.map((port: any) => port.name)).toEqual(['ae0', 'ge-0/0/1']);
  });

  it('refuses a second interface of the same name on one device, and bad MACs, speeds and addresses', async () => {
    await create({ name: 'xe-1', type: 'FIBER' });
    expect((await create({ name: 'xe-1', type: 'FIBER' })).userErrors[0]).toMatchObject({ code: 'CONFLICT', field: ['name'] });
    const other = await createDevice(token);
    const elsewhere = dataOf(await gql(CREATE, { input: { deviceId: other.id, name: 'xe-1', type: 'FIBER' } }, { token })).createInterface;
    expect(elsewhere.userErrors).toEqual([]);
    expect((await create({ name: 'a', type: 'FIBER', macAddress: 'zz:bb:cc:dd:ee:ff' })).userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['macAddress'] });
    expect((await create({ name: 'b', type: 'FIBER', speedMbps: 0 })).userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['speedMbps'] });
    expect((await create({ name: 'c', type: 'FIBER', ipAddresses: ['10.0.0.1'] })).userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['ipAddresses', '0'] });
  });

  it('updates an interface: statuses, addresses replaced, null clears', async () => {
    const port = (await create({ name: 'pon-0/1', type: 'PON', macAddress: '00:11:22:33:44:55', ipAddresses: ['10.1.1.1/30'] })).interface;
    const updated = dataOf(await gql(UPDATE, { input: { interfaceId: port.id, adminStatus: 'DOWN', operStatus: 'DOWN', macAddress: null, ipAddresses: ['10.1.1.5/30'] } }, { token })).updateInterface;
    expect(updated.interface).toMatchObject({ adminStatus: 'DOWN', operStatus: 'DOWN', macAddress: null, ipAddresses: ['10.1.1.5/30'] });
  });
});
