import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { databaseUrl, fromGlobalId } from '@dotmac/kernel';
import { FREERADIUS_SCOPE, RADIUS_SCHEMA } from '@dotmac/network/radius/radius-tenancy.sql';
import { dataOf, gql } from '../support/client.js';
import { platform } from '../support/platform-context.js';
import { freeradiusGrantsSql } from '../support/radius/freeradius-schema.js';
import { freeradiusInstalled, startFreeradius, type RunningFreeradius } from '../support/radius/freeradius-server.js';

export const installed = freeradiusInstalled();
if (!installed) {
  console.warn('\n!!! FreeRADIUS is not installed (/usr/sbin/freeradius): the RADIUS service activation tests are SKIPPED. .ci/run installs it.\n');
}

export const rawId = (globalId: string): string => fromGlobalId(globalId).id;
export const ERRORS = 'userErrors { code field message }';
export const SERVICE_FIELDS = 'id username state downloadKbps uploadKbps staticIp subscriptionId planId endsOn subscriber { id }';

/** The network database's FreeRADIUS schema served by the real FreeRADIUS, logging in as its own role. */
export interface RadiusUnderTest {
  server: RunningFreeradius;
  secret: string;
  stop(): Promise<void>;
}

async function asAdmin<T>(database: string | undefined, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = new URL(platform().adminDatabaseUrl);
  if (database) url.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates `<prefix>_radius` with the FreeRADIUS grants on the network database and starts FreeRADIUS as it. */
export async function startRadiusOnNetworkDb(): Promise<RadiusUnderTest> {
  const role = `${process.env.TEST_DB_PREFIX ?? 'dotmac_test'}_radius`;
  const password = randomBytes(12).toString('hex');
  const secret = `s3cret-${randomBytes(4).toString('hex')}`;
  const networkDb = new URL(platform().ownerDatabaseUrls.network!).pathname.slice(1);
  await asAdmin(networkDb, async (client) => {
    const exists = await client.query('select 1 from pg_roles where rolname = $1', [role]);
    await client.query(`${exists.rowCount ? 'alter' : 'create'} role ${role} login nosuperuser nocreatedb nocreaterole nobypassrls password '${password}'`);
    await client.query(freeradiusGrantsSql(RADIUS_SCHEMA, role));
  });
  const server = await startFreeradius({
    databaseUrl: databaseUrl(platform().adminDatabaseUrl, networkDb, role, password),
    schema: RADIUS_SCHEMA,
    secret,
    settings: { 'app.scope': FREERADIUS_SCOPE },
  });
  return {
    server,
    secret,
    stop: async () => {
      await server.stop();
      await asAdmin(networkDb, async (client) => {
        await client.query(`drop owned by ${role}`);
      });
      await asAdmin(undefined, async (client) => void (await client.query(`drop role if exists ${role}`)));
    },
  };
}

/** Runs a GraphQL operation and returns its data, failing on errors. */
export async function query(token: string, text: string, variables: Record<string, unknown> = {}): Promise<any> {
  return dataOf(await gql(text, variables, { token }));
}

/** Runs one mutation and returns its payload (userErrors included). */
export async function mutate(token: string, name: string, inputType: string, input: Record<string, unknown>, selection: string): Promise<any> {
  return (await query(token, `mutation($input: ${inputType}!) { ${name}(input: $input) { ${selection} ${ERRORS} } }`, { input }))[name];
}

/** Polls until `check` returns something truthy (events cross processes through the bus). */
export async function eventually<T>(what: string, check: () => Promise<T | undefined | null | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

export async function servicesOf(token: string, subscriberId: string): Promise<any[]> {
  return (await query(token, `query($id: ID!) { subscriber(id: $id) { services { ${SERVICE_FIELDS} } } }`, { id: subscriberId })).subscriber.services;
}

export async function createPlan(token: string, downloadKbps: number, uploadKbps: number): Promise<string> {
  const code = `fiber-${randomBytes(3).toString('hex')}`;
  const payload = await mutate(token, 'createServicePlan', 'CreateServicePlanInput', { code, name: `Fiber ${code}`, kind: 'RECURRING', interval: 'MONTHLY', price: 5500, currency: 'USD', downloadKbps, uploadKbps }, 'plan { id }');
  if (payload.userErrors.length) throw new Error(JSON.stringify(payload.userErrors));
  return payload.plan.id;
}

export async function subscribe(token: string, subscriberId: string, planId: string, startDate: string): Promise<string> {
  const payload = await mutate(token, 'createSubscription', 'CreateSubscriptionInput', { subscriberId, planId, startDate }, 'subscription { id }');
  if (payload.userErrors.length) throw new Error(JSON.stringify(payload.userErrors));
  return payload.subscription.id;
}

/** The service's RADIUS password, revealed through the API (as a NOC engineer configuring a CPE would). */
export async function passwordOf(token: string, serviceId: string): Promise<string> {
  const payload = await mutate(token, 'revealServicePassword', 'ServiceIdInput', { serviceId }, 'password');
  if (payload.userErrors.length) throw new Error(JSON.stringify(payload.userErrors));
  return payload.password;
}
