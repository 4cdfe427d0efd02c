import { enumValue, type GatewayClient } from './graphql-client.js';
import { mutationDocument, mutationField, type Payload } from './operations.js';
import { expectNoUserErrors } from './seed-requests.js';

type Created<K extends string> = Payload & { [key in K]: { id: string } };

/** Runs one network mutation as the platform admin (naming the ISP) and returns the created object's id. */
async function create<K extends string>(client: GatewayClient, mutation: string, key: K, input: Record<string, unknown>, what: string): Promise<string> {
  const data = await client.request<{ m: Created<K> | null }>(mutationDocument('SeedNetwork', [mutationField('m', mutation, input, `${key} { id }`)]));
  return expectNoUserErrors(what, data.m)[key].id;
}

interface DemoDevice {
  name: string;
  kind: string;
  site: 'core' | 'tower';
  parent?: string;
  vendor: string;
  model: string;
  managementIp?: string;
}

/** The demo topology: core router and firewall, switches, an OLT, radios and power at the tower. */
const DEVICES: readonly DemoDevice[] = [
  { name: 'core-rtr-1', kind: 'ROUTER', site: 'core', vendor: 'Juniper', model: 'MX204', managementIp: '.1' },
  { name: 'edge-fw-1', kind: 'FIREWALL', site: 'core', parent: 'core-rtr-1', vendor: 'Fortinet', model: 'FG-200F', managementIp: '.2' },
  { name: 'core-sw-1', kind: 'SWITCH', site: 'core', parent: 'core-rtr-1', vendor: 'Arista', model: '7050X3', managementIp: '.3' },
  { name: 'olt-1', kind: 'OLT', site: 'core', parent: 'core-sw-1', vendor: 'Huawei', model: 'MA5800-X7', managementIp: '.4' },
  { name: 'radius-1', kind: 'SERVER', site: 'core', parent: 'core-sw-1', vendor: 'Dell', model: 'R650', managementIp: '.5' },
  { name: 'ups-core', kind: 'UPS', site: 'core', vendor: 'APC', model: 'SRT5K' },
  { name: 'tower-sw-1', kind: 'SWITCH', site: 'tower', parent: 'core-sw-1', vendor: 'MikroTik', model: 'CRS326', managementIp: '.10' },
  { name: 'tower-ap-north', kind: 'ACCESS_POINT', site: 'tower', parent: 'tower-sw-1', vendor: 'Ubiquiti', model: 'LTU Rocket', managementIp: '.11' },
];

/**
 * The ISP's network: two sites, a small topology with customer equipment for the first active
 * subscribers, a management and a subscriber prefix with a pool each, and some allocations.
 */
export async function seedNetwork(client: GatewayClient, tenantId: string, index: number, activeSubscriberIds: readonly string[]): Promise<number> {
  const base = `100.${64 + index}`;
  const sites = {
    core: await create(client, 'createSite', 'site', { tenantId, name: 'Core POP', address: '1 Exchange Street', latitude: 40.7128 + index, longitude: -74.006 }, 'create the core site'),
    tower: await create(client, 'createSite', 'site', { tenantId, name: 'North Tower', latitude: 40.8 + index, longitude: -73.95 }, 'create the tower site'),
  };
  const ids = new Map<string, string>();
  for (const device of DEVICES) {
    const input = {
      tenantId, name: device.name, kind: enumValue(device.kind), vendor: device.vendor, model: device.model, siteId: sites[device.site],
      ...(device.parent ? { parentId: ids.get(device.parent) } : {}),
      ...(device.managementIp ? { managementIp: `${base}.0${device.managementIp}`, snmp: { version: enumValue('V2C'), community: `demo-${index}-ro` } } : {}),
    };
    ids.set(device.name, await create(client, 'createDevice', 'device', input, `create device ${device.name}`));
  }
  const premises = activeSubscriberIds.slice(0, 4);
  for (const [i, subscriberId] of premises.entries()) {
    const kind = i % 2 === 0 ? 'ONU' : 'CPE';
    const parentId = kind === 'ONU' ? ids.get('olt-1') : ids.get('tower-ap-north');
    await create(client, 'createDevice', 'device', { tenantId, name: `${kind.toLowerCase()}-${i + 1}`, kind: enumValue(kind), subscriberId, parentId, vendor: kind === 'ONU' ? 'Huawei' : 'Ubiquiti' }, `create ${kind}`);
  }
  const aggregate = await create(client, 'createPrefix', 'prefix', { tenantId, prefix: `${base}.0.0/22`, description: 'Aggregate' }, 'create the aggregate prefix');
  const management = await create(client, 'createPrefix', 'prefix', { tenantId, prefix: `${base}.0.0/24`, description: 'Management' }, 'create the management prefix');
  const customers = await create(client, 'createPrefix', 'prefix', { tenantId, prefix: `${base}.1.0/24`, parentId: aggregate, description: 'Subscriber statics' }, 'create the subscriber prefix');
  await create(client, 'createPrefix', 'prefix', { tenantId, prefix: `2001:db8:${index + 1}::/48`, description: 'IPv6 aggregate' }, 'create the IPv6 prefix');
  const managementPool = await create(client, 'createPool', 'pool', { tenantId, prefixId: management, name: 'Management', gateway: `${base}.0.1` }, 'create the management pool');
  const pool = await create(client, 'createPool', 'pool', { tenantId, prefixId: customers, name: 'Static IPs', gateway: `${base}.1.1`, reserved: [`${base}.1.2`, `${base}.1.3`] }, 'create the subscriber pool');
  await create(client, 'allocateAddress', 'allocation', { tenantId, poolId: managementPool, address: `${base}.0.2`, assignee: { deviceId: ids.get('edge-fw-1') }, description: 'Firewall management' }, 'allocate the firewall address');
  for (const subscriberId of premises) {
    await create(client, 'allocateNextAddress', 'allocation', { tenantId, poolId: pool, assignee: { subscriberId }, description: 'Static IP' }, 'allocate a static IP');
  }
  return DEVICES.length + premises.length;
}
