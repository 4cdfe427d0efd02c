import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIsp, createSubscribers, type Isp } from '../support/fixtures.js';
import { createPool, createPrefix, freshV4Prefix, withNetworkDb } from '../network/network-fixtures.js';
import { accessRequest, accountingRequest } from '../support/radius/radclient.js';
import {
  createPlan, eventually, installed, mutate, passwordOf, query, rawId, SERVICE_FIELDS, servicesOf, startRadiusOnNetworkDb, subscribe, type RadiusUnderTest,
} from './radius-fixtures.js';

describe.skipIf(!installed)('service activation: billing → network → FreeRADIUS', () => {
  let radius: RadiusUnderTest;
  let isp: Isp;
  let token: string;
  let subscriberId: string;
  let subscriptionId: string;
  let service: any;
  let password: string;

  const auth = (username: string, secretWord: string) => accessRequest({ port: radius.server.authPort, secret: radius.secret, username, password: secretWord });
  const serviceNow = async () => (await servicesOf(token, subscriberId))[0];

  beforeAll(async () => {
    radius = await startRadiusOnNetworkDb();
    isp = await createIsp('radact');
    token = isp.admin.accessToken;
    [subscriberId] = (await createSubscribers(token, 1, 'Radius')) as [string];
  });

  afterAll(async () => {
    await radius?.stop();
  });

  it("activating a subscription provisions a service that FreeRADIUS accepts with the plan's rate", async () => {
    const planId = await createPlan(token, 100_000, 20_000);
    subscriptionId = await subscribe(token, subscriberId, planId, '2026-11-01');
    service = await eventually('the service of the new subscription', serviceNow);
    expect(service).toMatchObject({ state: 'ACTIVE', downloadKbps: 100_000, uploadKbps: 20_000, subscriptionId, planId, staticIp: null, subscriber: { id: subscriberId } });
    expect(service.username).toMatch(new RegExp(`^${rawId(isp.tenantId).replace(/-/g, '').slice(0, 8)}-[a-z0-9]{10}$`));
    password = await passwordOf(token, service.id);

    const accepted = await auth(service.username, password);
    expect(accepted.code, accepted.output).toBe('Access-Accept');
    expect(accepted.attributes['Mikrotik-Rate-Limit']).toEqual(['20M/100M']);
    expect((await auth(service.username, `${password}x`)).code).toBe('Access-Reject');

    // Post-auth rows carry the tenant and never the password that was sent.
    const postAuth = await withNetworkDb(async (client) => (await client.query(`select pass, tenant_id from radius.radpostauth where username = $1`, [service.username])).rows);
    expect(postAuth).toHaveLength(2);
    expect(postAuth.every((row) => row.pass === null && row.tenant_id === rawId(isp.tenantId))).toBe(true);
  });

  it('a static address from an IPAM pool is sent as Framed-IP-Address', async () => {
    const prefix = await createPrefix(token, freshV4Prefix());
    const pool = await createPool(token, prefix.id);
    const updated = await mutate(token, 'updateService', 'UpdateServiceInput', { serviceId: service.id, staticIpPoolId: pool.id }, `service { ${SERVICE_FIELDS} }`);
    expect(updated.userErrors).toEqual([]);
    expect(updated.service.staticIp).toBe(pool.startAddress);
    const reply = await auth(service.username, password);
    expect(reply.attributes['Framed-IP-Address']).toEqual([pool.startAddress]);
    expect(reply.attributes['Mikrotik-Rate-Limit']).toEqual(['20M/100M']);
    service = updated.service;
  });

  it('delinquency switches to the suspension profile (throttle, then walled garden); payment restores the plan', async () => {
    const policy = { dueDays: 7, graceDays: 0, steps: [{ daysAfterGrace: 3, action: 'SUSPEND' }] };
    expect((await mutate(token, 'setDunningPolicy', 'SetDunningPolicyInput', policy, '')).userErrors).toEqual([]);
    await query(token, `mutation { runBilling(input: { asOf: "2026-11-01" }) { run { invoicesIssued } } }`);
    const dunning = await query(token, `mutation { runDunning(input: { asOf: "2026-11-12" }) { outcome { suspended } } }`);
    expect(dunning.runDunning.outcome.suspended).toBe(1);

    await eventually('the suspension', async () => (await serviceNow()).state === 'SUSPENDED');
    const throttled = await auth(service.username, password);
    expect(throttled.code).toBe('Access-Accept');
    expect(throttled.attributes['Mikrotik-Rate-Limit']).toEqual(['256k/256k']);
    expect(throttled.attributes['Framed-IP-Address']).toEqual([service.staticIp]);

    const walled = await mutate(token, 'updateRadiusSettings', 'UpdateRadiusSettingsInput', { suspensionMode: 'WALLED_GARDEN', walledGardenAddressList: 'unpaid' }, 'settings { suspensionMode walledGardenAddressList }');
    expect(walled).toMatchObject({ userErrors: [], settings: { suspensionMode: 'WALLED_GARDEN', walledGardenAddressList: 'unpaid' } });
    const gardened = await auth(service.username, password);
    expect(gardened.attributes['Mikrotik-Address-List']).toEqual(['unpaid']);
    expect(gardened.attributes['Mikrotik-Rate-Limit']).toEqual(['20M/100M']);

    const paid = await mutate(token, 'recordPayment', 'RecordPaymentInput', { subscriberId, amount: 5500, currency: 'USD', method: 'CARD', processor: 'test', processorPaymentId: `pi_${randomUUID()}` }, '');
    expect(paid.userErrors).toEqual([]);
    await eventually('the restoration', async () => (await serviceNow()).state === 'ACTIVE');
    const restored = await auth(service.username, password);
    expect(restored.attributes['Mikrotik-Rate-Limit']).toEqual(['20M/100M']);
    expect(restored.attributes['Mikrotik-Address-List']).toBeUndefined();
  });

  it("a plan change in billing gives the new plan's rate", async () => {
    const faster = await createPlan(token, 200_000, 50_000);
    const changed = await mutate(token, 'changeSubscriptionPlan', 'ChangeSubscriptionPlanInput', { subscriptionId, planId: faster }, 'subscription { id }');
    expect(changed.userErrors).toEqual([]);
    await eventually('the new speeds', async () => (await serviceNow()).downloadKbps === 200_000);
    expect((await auth(service.username, password)).attributes['Mikrotik-Rate-Limit']).toEqual(['50M/200M']);
  });

  it('accounting Start, Interim-Update and Stop show as a session with usage on Subscriber.sessions and Service.sessions', async () => {
    // A NAS repeats the session's address in every accounting packet (the stock queries store each one's).
    const session = { port: radius.server.acctPort, secret: radius.secret, username: service.username, sessionId: `S-${randomUUID()}`, nasIp: '10.9.8.7', framedIp: service.staticIp };
    await accountingRequest({ ...session, statusType: 'Start' });
    const open = await query(token, `query($id: ID!) { subscriber(id: $id) { sessions { totalCount edges { node { sessionId active stoppedAt } } } } }`, { id: subscriberId });
    expect(open.subscriber.sessions).toMatchObject({ totalCount: 1, edges: [{ node: { sessionId: session.sessionId, active: true, stoppedAt: null } }] });

    await accountingRequest({ ...session, statusType: 'Interim-Update', inputOctets: 1000, outputOctets: 50_000, sessionTime: 60 });
    await accountingRequest({ ...session, statusType: 'Stop', inputOctets: 4000, outputOctets: 900_000, sessionTime: 300, terminateCause: 'User-Request' });

    const fields = 'totalCount edges { node { sessionId serviceId username nasIpAddress framedIpAddress active startedAt stoppedAt durationSeconds inputOctets outputOctets terminateCause } }';
    const data = await query(token, `query($id: ID!, $svc: ID!) {
      subscriber(id: $id) { sessions(first: 10) { ${fields} } }
      service(id: $svc) { sessions { totalCount } }
    }`, { id: subscriberId, svc: service.id });
    expect(data.subscriber.sessions.totalCount).toBe(1);
    expect(data.subscriber.sessions.edges[0].node).toMatchObject({
      sessionId: session.sessionId,
      serviceId: service.id,
      username: service.username,
      nasIpAddress: '10.9.8.7',
      framedIpAddress: service.staticIp,
      active: false,
      durationSeconds: 300,
      inputOctets: '4000',
      outputOctets: '900000',
      terminateCause: 'User-Request',
    });
    expect(data.service.sessions.totalCount).toBe(1);

    const future = await query(token, `query($id: ID!) { subscriber(id: $id) { sessions(from: "2099-01-01T00:00:00Z") { totalCount } } }`, { id: subscriberId });
    expect(future.subscriber.sessions.totalCount).toBe(0);
    const tenantOfRow = await withNetworkDb(async (client) => (await client.query(`select tenant_id from radius.radacct where acctsessionid = $1`, [session.sessionId])).rows);
    expect(tenantOfRow).toEqual([{ tenant_id: rawId(isp.tenantId) }]);
  });

  it('a cancelled subscription keeps its service until the last paid day; terminating rejects and releases the address', async () => {
    const cancelled = await mutate(token, 'cancelSubscription', 'CancelSubscriptionInput', { subscriptionId }, 'subscription { endDate }');
    expect(cancelled.userErrors).toEqual([]);
    const lastDay = cancelled.subscription.endDate;
    await eventually('the end date on the service', async () => (await serviceNow()).endsOn === lastDay);
    expect((await serviceNow()).state).toBe('ACTIVE');
    expect((await auth(service.username, password)).code).toBe('Access-Accept');

    const terminated = await mutate(token, 'terminateService', 'ServiceIdInput', { serviceId: service.id }, 'service { state staticIp }');
    expect(terminated).toMatchObject({ userErrors: [], service: { state: 'TERMINATED', staticIp: null } });
    expect((await auth(service.username, password)).code).toBe('Access-Reject');
    const allocations = await withNetworkDb(async (client) => (await client.query(`select released_at from ip_allocation where address = $1 and tenant_id = $2`, [service.staticIp, rawId(isp.tenantId)])).rows);
    expect(allocations).toHaveLength(1);
    expect(allocations[0].released_at).toBeInstanceOf(Date);
  });
});
