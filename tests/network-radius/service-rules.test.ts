import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, Database, openOrm, type DomainEvent } from '@dotmac/kernel';
import { CredentialCipher, databaseModel, parseCredentialsKey } from '@dotmac/network';
import { serviceEventHandler } from '@dotmac/network/radius/service-events.consumer';
import { codeOf, gql } from '../support/client.js';
import { createIsp, createSubscribers, type Isp } from '../support/fixtures.js';
import { platform } from '../support/platform-context.js';
import { createPool, createPrefix, freshV4Prefix, staffLogin, withNetworkDb } from '../network/network-fixtures.js';
import { mutate, query, rawId, SERVICE_FIELDS } from './radius-fixtures.js';

const PROVISION = `service { ${SERVICE_FIELDS} }`;
const uniqueUsername = () => `user-${randomBytes(4).toString('hex')}`;

async function radiusRowsOf(username: string) {
  return withNetworkDb(async (client) => {
    const count = async (table: string) => (await client.query(`select count(*)::int as n from radius.${table} where username = $1`, [username])).rows[0].n as number;
    return { radcheck: await count('radcheck'), radreply: await count('radreply'), radusergroup: await count('radusergroup') };
  });
}

const servicesCount = (tenantId: string) =>
  withNetworkDb(async (client) => (await client.query(`select count(*)::int as n from subscriber_service where tenant_id = $1`, [tenantId])).rows[0].n as number);

describe('services: input rules, isolation and idempotent events', () => {
  let alpha: Isp;
  let beta: Isp;
  let alphaSubscriber: string;
  let betaSubscriber: string;

  beforeAll(async () => {
    [alpha, beta] = await Promise.all([createIsp('radrules-a'), createIsp('radrules-b')]);
    [alphaSubscriber] = (await createSubscribers(alpha.admin.accessToken, 1)) as [string];
    [betaSubscriber] = (await createSubscribers(beta.admin.accessToken, 1)) as [string];
  });

  const provision = (isp: Isp, input: Record<string, unknown>) => mutate(isp.admin.accessToken, 'provisionService', 'ProvisionServiceInput', input, PROVISION);

  it('an operator provisions a service with chosen credentials, speeds and a static address', async () => {
    const noc = await staffLogin(alpha.tenantId, alpha.slug, ['NOC']);
    const pool = await createPool(noc.accessToken, (await createPrefix(noc.accessToken, freshV4Prefix())).id);
    const username = uniqueUsername();
    const payload = await mutate(noc.accessToken, 'provisionService', 'ProvisionServiceInput', { subscriberId: alphaSubscriber, username, password: 'pppoe-Secret1', downloadKbps: 50_000, uploadKbps: 10_000, staticIpPoolId: pool.id }, PROVISION);
    expect(payload).toMatchObject({ userErrors: [], service: { username, state: 'ACTIVE', staticIp: pool.startAddress, downloadKbps: 50_000 } });
    expect(await radiusRowsOf(username)).toEqual({ radcheck: 1, radreply: 2, radusergroup: 0 });
  });

  it('refuses bad input with coded errors and writes nothing', async () => {
    const tenantId = rawId(alpha.tenantId);
    const before = await servicesCount(tenantId);
    const v6 = await createPool(alpha.admin.accessToken, (await createPrefix(alpha.admin.accessToken, `2001:db8:${randomBytes(2).toString('hex')}::/64`)).id);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ staticIpPoolId: Buffer.from(`IpPool:${randomUUID()}`).toString('base64url') }, 'NOT_FOUND', 'staticIpPoolId'],
      [{ staticIpPoolId: v6.id }, 'BAD_USER_INPUT', 'staticIpPoolId'],
      [{ password: 'short' }, 'BAD_USER_INPUT', 'password'],
      [{ password: 'has a space' }, 'BAD_USER_INPUT', 'password'],
      [{ username: 'Upper-Case' }, 'BAD_USER_INPUT', 'username'],
      [{ downloadKbps: 0 }, 'BAD_USER_INPUT', 'downloadKbps'],
    ];
    for (const [input, code, field] of cases) {
      const username = uniqueUsername();
      const payload = await provision(alpha, { subscriberId: alphaSubscriber, username, ...input });
      expect(payload.service, JSON.stringify(input)).toBeNull();
      expect(payload.userErrors, JSON.stringify(input)).toMatchObject([{ code, field: [field] }]);
      expect(await radiusRowsOf(username)).toEqual({ radcheck: 0, radreply: 0, radusergroup: 0 });
    }
    expect(await servicesCount(tenantId)).toBe(before);
  });

  it('a username is unique across ISPs (RADIUS finds users by name alone)', async () => {
    const username = uniqueUsername();
    expect((await provision(alpha, { subscriberId: alphaSubscriber, username, password: 'alpha-pass-1' })).userErrors).toEqual([]);
    const taken = await provision(beta, { subscriberId: betaSubscriber, username, password: 'beta-pass-12' });
    expect(taken).toMatchObject({ service: null, userErrors: [{ code: 'CONFLICT', field: ['username'] }] });
    const rows = await withNetworkDb(async (client) => (await client.query(`select tenant_id from radius.radcheck where username = $1`, [username])).rows);
    expect(rows).toEqual([{ tenant_id: rawId(alpha.tenantId) }]);
  });

  it("another ISP sees none of an ISP's services or sessions, and billing staff see no services", async () => {
    const username = uniqueUsername();
    const mine = await provision(alpha, { subscriberId: alphaSubscriber, username });
    await withNetworkDb((client) =>
      client.query(`insert into radius.radacct (acctsessionid, acctuniqueid, username, nasipaddress, acctstarttime) values ($1, $1, $2, '10.0.0.1', now())`, [`S-${randomUUID()}`, username]),
    );
    const betaToken = beta.admin.accessToken;
    expect(codeOf(await gql(`query($id: ID!) { service(id: $id) { id } }`, { id: mine.service.id }, { token: betaToken }))).toBe('NOT_FOUND');
    const betaList = await query(betaToken, `{ services(first: 100) { edges { node { username } } } }`);
    expect(betaList.services.edges.map((edge: any) => edge.node.username)).not.toContain(username);
    const betaSessions = await withNetworkDb(async (client) => (await client.query(`select count(*)::int as n from radius.radacct where username = $1`, [username])).rows[0].n, { role: 'app', tenantId: rawId(beta.tenantId) });
    expect(betaSessions).toBe(0);
    const alphaSessions = await query(alpha.admin.accessToken, `query($id: ID!) { subscriber(id: $id) { sessions { totalCount } } }`, { id: alphaSubscriber });
    expect(alphaSessions.subscriber.sessions.totalCount).toBeGreaterThanOrEqual(1);

    const billingStaff = await staffLogin(alpha.tenantId, alpha.slug, ['BILLING']);
    expect(codeOf(await gql(`query($id: ID!) { subscriber(id: $id) { services { id } } }`, { id: alphaSubscriber }, { token: billingStaff.accessToken }))).toBe('FORBIDDEN');
  });

  describe('event handling', () => {
    let db: Database;
    let handle: (event: DomainEvent) => Promise<void>;

    beforeAll(async () => {
      db = new Database(await openOrm({ url: platform().appDatabaseUrls.network!, ...databaseModel }));
      handle = serviceEventHandler(db, new CredentialCipher(parseCredentialsKey(platform().networkCredentialsKey)!), createLogger('network-radius-test', 'silent'));
    });

    afterAll(async () => {
      await db?.orm.close();
    });

    const event = (topic: string, payload: Record<string, unknown>): DomainEvent => ({ id: randomUUID(), topic, tenantId: rawId(beta.tenantId), occurredAt: new Date().toISOString(), payload });

    it('the same event twice gives one service and one set of RADIUS rows; a suspension twice, one group membership', async () => {
      const subscriberId = rawId(betaSubscriber);
      const subscriptionId = randomUUID();
      const activated = event('billing.subscription.activated', { subscriptionId, subscriberId, planId: randomUUID(), downloadKbps: 30_000, uploadKbps: 5_000 });
      await handle(activated);
      await handle(activated);
      const services = await withNetworkDb(async (client) => (await client.query(`select username, state from subscriber_service where subscription_id = $1`, [subscriptionId])).rows);
      expect(services).toHaveLength(1);
      expect(await radiusRowsOf(services[0].username)).toEqual({ radcheck: 1, radreply: 1, radusergroup: 0 });

      const delinquent = event('billing.subscriber.delinquent', { subscriberId });
      await handle(delinquent);
      await handle(delinquent);
      await handle(event('billing.subscriber.delinquent', { subscriberId }));
      expect(await radiusRowsOf(services[0].username)).toEqual({ radcheck: 1, radreply: 1, radusergroup: 1 });

      // A subscription activated while the subscriber is held starts suspended.
      const later = randomUUID();
      await handle(event('billing.subscription.activated', { subscriptionId: later, subscriberId, planId: randomUUID(), downloadKbps: 1000, uploadKbps: 1000 }));
      const held = await withNetworkDb(async (client) => (await client.query(`select state from subscriber_service where subscription_id = $1`, [later])).rows);
      expect(held).toEqual([{ state: 'suspended' }]);

      await handle(event('billing.subscriber.restored', { subscriberId }));
      expect(await radiusRowsOf(services[0].username)).toEqual({ radcheck: 1, radreply: 1, radusergroup: 0 });

      await handle(event('billing.subscription.ended', { subscriptionId, subscriberId, lastDay: '2020-01-31' }));
      expect(await radiusRowsOf(services[0].username)).toEqual({ radcheck: 0, radreply: 0, radusergroup: 0 });
    });

    it('ignores events it cannot use (no tenant, bad ids) without failing', async () => {
      await expect(handle({ ...event('billing.subscription.activated', { subscriptionId: 'nope' }), tenantId: undefined })).resolves.toBeUndefined();
      await expect(handle(event('billing.subscription.activated', { subscriptionId: 'nope' }))).resolves.toBeUndefined();
    });
  });
});
