import { beforeAll, describe, expect, it } from 'vitest';
import { codeOf, dataOf, gql } from '../support/client.js';
import { createIsp, createSubscribers, type Isp } from '../support/fixtures.js';
import { ERRORS, portalLogin, staffLogin } from './billing-fixtures.js';

const RECORD = `mutation($input: RecordUsageEventsInput!) { recordUsageEvents(input: $input) { accepted duplicates ${ERRORS} } }`;
const SUMMARY = `query($s: ID!, $m: String!, $from: DateTime!, $to: DateTime!) { usageSummary(subscriberId: $s, metric: $m, from: $from, to: $to) { count sum max uniqueCount } }`;
const FROM = '2026-10-01T00:00:00.000Z';
const TO = '2026-11-01T00:00:00.000Z';

const event = (eventId: string, subscriberId: string, quantity: string, extra: Record<string, unknown> = {}) => ({
  eventId,
  subscriberId,
  metric: 'data_gb',
  quantity,
  occurredAt: '2026-10-10T12:00:00.000Z',
  ...extra,
});

describe('usage events', () => {
  let isp: Isp;
  let token: string;
  let subscribers: string[];
  const record = async (events: unknown[], as = token) => dataOf(await gql(RECORD, { input: { events } }, { token: as })).recordUsageEvents;
  const summary = async (subscriberId: string, as = token, metric = 'data_gb') => dataOf(await gql(SUMMARY, { s: subscriberId, m: metric, from: FROM, to: TO }, { token: as })).usageSummary;

  beforeAll(async () => {
    isp = await createIsp('usage');
    token = isp.admin.accessToken;
    subscribers = await createSubscribers(token, 3, 'Metered');
  });

  it('records a batch in one call and counts a re-sent event once', async () => {
    const batch = Array.from({ length: 300 }, (_, i) => event(`batch-${i}`, subscribers[0]!, '1.5'));
    expect(await record(batch)).toEqual({ accepted: 300, duplicates: 0, userErrors: [] });
    const retried = [...batch, ...Array.from({ length: 20 }, (_, i) => event(`later-${i}`, subscribers[0]!, '0.25'))];
    expect(await record(retried)).toEqual({ accepted: 20, duplicates: 300, userErrors: [] });
    expect(await summary(subscribers[0]!)).toEqual({ count: 320, sum: '455', max: '1.5', uniqueCount: 0 });
    const twiceInOneCall = [event('same', subscribers[1]!, '7'), event('same', subscribers[1]!, '9')];
    expect(await record(twiceInOneCall)).toEqual({ accepted: 1, duplicates: 1, userErrors: [] });
    expect(await summary(subscribers[1]!)).toMatchObject({ count: 1, sum: '7' });
  });

  it('aggregates count, sum, max and unique count over a half-open window', async () => {
    const s = subscribers[2]!;
    const recorded = await record([
      event('w-1', s, '10', { uniqueKey: 'aa:bb', occurredAt: FROM }),
      event('w-2', s, '2.125', { uniqueKey: 'aa:bb' }),
      event('w-3', s, '0.000001', { uniqueKey: 'cc:dd' }),
      event('w-4', s, '100', { occurredAt: TO }),
      event('w-5', s, '3', { metric: 'voice_minutes' }),
    ]);
    expect(recorded).toEqual({ accepted: 5, duplicates: 0, userErrors: [] });
    expect(await summary(s)).toEqual({ count: 3, sum: '12.125001', max: '10', uniqueCount: 2 });
    expect(await summary(s, token, 'voice_minutes')).toEqual({ count: 1, sum: '3', max: '3', uniqueCount: 0 });
    expect(await summary(s, token, 'nothing_here')).toEqual({ count: 0, sum: '0', max: null, uniqueCount: 0 });
    expect(codeOf(await gql(SUMMARY, { s, m: 'data_gb', from: TO, to: FROM }, { token }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(SUMMARY, { s, m: 'Data GB', from: FROM, to: TO }, { token }))).toBe('BAD_USER_INPUT');
  });

  it('reports every bad event with its index and records none of the batch', async () => {
    const before = await summary(subscribers[1]!);
    const result = await record([
      event('ok-1', subscribers[1]!, '1'),
      event('bad-1', subscribers[1]!, '-1'),
      event('ok-2', subscribers[1]!, '1'),
      event('bad-2', subscribers[1]!, '1.1234567'),
      event('bad-3', 'nonsense', '1'),
      event('bad 4', subscribers[1]!, '1'),
      event('bad-5', subscribers[1]!, '1', { metric: 'DATA' }),
      event('bad-6', subscribers[1]!, '1', { occurredAt: '2099-01-01T00:00:00Z' }),
      event('bad-7', subscribers[1]!, 'lots'),
    ]);
    expect(result.accepted).toBe(0);
    expect(result.userErrors.map((error: any) => [error.code, error.field.join('.')])).toEqual([
      ['BAD_USER_INPUT', 'events.1.quantity'],
      ['BAD_USER_INPUT', 'events.3.quantity'],
      ['BAD_USER_INPUT', 'events.4.subscriberId'],
      ['BAD_USER_INPUT', 'events.5.eventId'],
      ['BAD_USER_INPUT', 'events.6.metric'],
      ['BAD_USER_INPUT', 'events.7.occurredAt'],
      ['BAD_USER_INPUT', 'events.8.quantity'],
    ]);
    expect(await summary(subscribers[1]!)).toEqual(before);
    expect((await record([])).userErrors).toEqual([{ code: 'BAD_USER_INPUT', field: ['events'], message: expect.any(String) }]);
    expect(codeOf(await gql(RECORD, { input: { events: [event('x', subscribers[1]!, '1', { occurredAt: 'yesterday' })] } }, { token }))).toBe('BAD_USER_INPUT');
  });

  it('lets network operations record, support read, and a portal login read only its own usage', async () => {
    const noc = await staffLogin(isp.tenantId, isp.slug, ['NOC']);
    expect(await record([event('noc-1', subscribers[0]!, '1')], noc.accessToken)).toMatchObject({ accepted: 1 });
    const agent = await staffLogin(isp.tenantId, isp.slug, ['SUPPORT_AGENT']);
    expect(codeOf(await gql(RECORD, { input: { events: [event('agent-1', subscribers[0]!, '1')] } }, { token: agent.accessToken }))).toBe('FORBIDDEN');
    expect((await summary(subscribers[0]!, agent.accessToken)).count).toBe(321);
    const portal = await portalLogin(isp.tenantId, isp.slug, subscribers[0]!);
    expect((await summary(subscribers[0]!, portal.accessToken)).count).toBe(321);
    expect(codeOf(await gql(SUMMARY, { s: subscribers[1], m: 'data_gb', from: FROM, to: TO }, { token: portal.accessToken }))).toBe('NOT_FOUND');
    expect(codeOf(await gql(RECORD, { input: { events: [event('portal-1', subscribers[0]!, '1')] } }, { token: portal.accessToken }))).toBe('FORBIDDEN');
  });

  it('keeps event ids and usage per ISP', async () => {
    const other = await createIsp('usage-other');
    const [theirs] = await createSubscribers(other.admin.accessToken, 1, 'Other metered');
    // The same event ids are new in another ISP.
    expect(await record([event('batch-0', theirs!, '5'), event('batch-1', theirs!, '5')], other.admin.accessToken)).toEqual({ accepted: 2, duplicates: 0, userErrors: [] });
    expect(await summary(subscribers[0]!, other.admin.accessToken)).toEqual({ count: 0, sum: '0', max: null, uniqueCount: 0 });
    expect((await summary(subscribers[0]!)).count).toBe(321);
    expect(codeOf(await gql(`query($s: ID!, $t: ID) { usageSummary(tenantId: $t, subscriberId: $s, metric: "data_gb", from: "${FROM}", to: "${TO}") { count } }`, { s: subscribers[0], t: isp.tenantId }, { token: other.admin.accessToken }))).toBe('NOT_FOUND');
  });
});
