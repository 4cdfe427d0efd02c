import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { dataOf, gql } from '../support/client.js';
import { createUser, login, PASSWORD, type Session } from '../support/fixtures.js';
import { platform } from '../support/platform-context.js';

export const ERRORS = `userErrors { code field message }`;
export const SITE_FIELDS = `id name address latitude longitude description createdAt updatedAt`;

export const CREATE_SITE = `mutation($input: CreateSiteInput!) { createSite(input: $input) { site { ${SITE_FIELDS} } ${ERRORS} } }`;
export const UPDATE_SITE = `mutation($input: UpdateSiteInput!) { updateSite(input: $input) { site { ${SITE_FIELDS} } ${ERRORS} } }`;

export const uniqueName = (base: string): string => `${base}-${randomBytes(3).toString('hex')}`;

/** A staff login with the given roles. */
export async function staffLogin(tenantId: string, slug: string, roles: string[]): Promise<Session> {
  const email = `${roles[0]!.toLowerCase().replace(/_/g, '-')}-${randomBytes(3).toString('hex')}@${slug}.example`;
  await createUser(tenantId, email, roles);
  return login(email, PASSWORD);
}

/** Runs one mutation and fails loudly on userErrors; returns the payload's `field`. */
export async function mutateOk(token: string, mutation: string, name: string, input: Record<string, unknown>, field: string): Promise<any> {
  const payload = dataOf(await gql(mutation, { input }, { token }))[name];
  if (payload.userErrors.length) throw new Error(`${name}: ${JSON.stringify(payload.userErrors)}`);
  return payload[field];
}

export const createSite = (token: string, input: Record<string, unknown> = {}) =>
  mutateOk(token, CREATE_SITE, 'createSite', { name: uniqueName('POP'), ...input }, 'site');

/**
 * Direct access to the network database as `role` ('owner' or 'app'), inside one transaction in
 * the given scope. For checking what the database holds and what it refuses.
 */
export async function withNetworkDb<T>(work: (client: pg.Client) => Promise<T>, options: { role?: 'owner' | 'app'; tenantId?: string } = {}): Promise<T> {
  const urls = options.role === 'app' ? platform().appDatabaseUrls : platform().ownerDatabaseUrls;
  const client = new pg.Client({ connectionString: urls.network });
  await client.connect();
  try {
    await client.query('begin');
    if (options.tenantId) await client.query(`select set_config('app.scope', 'tenant', true), set_config('app.tenant_id', $1, true)`, [options.tenantId]);
    else await client.query(`select set_config('app.scope', 'platform', true)`);
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

export const DEVICE_FIELDS = `id kind status name vendor model serial managementIp description hasCredentials
  site { id name } parent { id name } children { id name } subscriber { id }
  snmp { version port v3User v3AuthProtocol v3PrivProtocol hasCommunity hasAuthKey hasPrivKey }`;
export const CREATE_DEVICE = `mutation($input: CreateDeviceInput!) { createDevice(input: $input) { device { ${DEVICE_FIELDS} } ${ERRORS} } }`;
export const UPDATE_DEVICE = `mutation($input: UpdateDeviceInput!) { updateDevice(input: $input) { device { ${DEVICE_FIELDS} } ${ERRORS} } }`;
export const SET_CREDENTIALS = `mutation($input: SetDeviceCredentialsInput!) { setDeviceCredentials(input: $input) { device { id hasCredentials } ${ERRORS} } }`;

export const PREFIX_FIELDS = `id prefix family description parent { id prefix }`;
export const POOL_FIELDS = `id name startAddress endAddress gateway reserved size allocatedCount prefix { id prefix }`;
export const ALLOCATION_FIELDS = `id address assigneeType active description allocatedAt allocatedBy releasedAt releasedBy pool { id name } device { id } interface { id } subscriber { id }`;
export const CREATE_PREFIX = `mutation($input: CreatePrefixInput!) { createPrefix(input: $input) { prefix { ${PREFIX_FIELDS} } ${ERRORS} } }`;
export const CREATE_POOL = `mutation($input: CreatePoolInput!) { createPool(input: $input) { pool { ${POOL_FIELDS} } ${ERRORS} } }`;
export const ALLOCATE_NEXT = `mutation($input: AllocateNextAddressInput!) { allocateNextAddress(input: $input) { allocation { ${ALLOCATION_FIELDS} } ${ERRORS} } }`;
export const ALLOCATE = `mutation($input: AllocateAddressInput!) { allocateAddress(input: $input) { allocation { ${ALLOCATION_FIELDS} } ${ERRORS} } }`;
export const RELEASE = `mutation($input: ReleaseAddressInput!) { releaseAddress(input: $input) { allocation { ${ALLOCATION_FIELDS} } ${ERRORS} } }`;

export const createDevice = (token: string, input: Record<string, unknown> = {}) =>
  mutateOk(token, CREATE_DEVICE, 'createDevice', { kind: 'ROUTER', name: uniqueName('rtr'), ...input }, 'device');
export const createPrefix = (token: string, prefix: string, input: Record<string, unknown> = {}) =>
  mutateOk(token, CREATE_PREFIX, 'createPrefix', { prefix, ...input }, 'prefix');
export const createPool = (token: string, prefixId: string, input: Record<string, unknown> = {}) =>
  mutateOk(token, CREATE_POOL, 'createPool', { prefixId, name: uniqueName('pool'), ...input }, 'pool');

let octet = 0;
/** A /24 no other test of this run uses (tests share one platform but not ISPs; this keeps logs readable). */
export function freshV4Prefix(): string {
  octet += 1;
  return `10.${100 + (octet >> 8)}.${octet & 255}.0/24`;
}
