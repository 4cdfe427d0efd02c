import { beforeAll, describe, expect, it } from 'vitest';
import { codeOf, dataOf, gql } from '../support/client.js';
import { createIsp, type Isp } from '../support/fixtures.js';
import { staffLogin, withNetworkDb } from '../network/network-fixtures.js';
import { createApiKey, createDevice, INGEST, rawId, sample } from './telemetry-fixtures.js';

const SAMPLES = `query($id: ID!, $metric: String!, $from: DateTime!, $to: DateTime!, $first: Int) {
  device(id: $id) { samples(metric: $metric, from: $from, to: $to, first: $first) { metric value at labels { name value } } } }`;

describe('GraphQL telemetry: ingestHealthSamples and Device.samples', () => {
  let isp: Isp;
  let token: string;
  let device: { id: string };
  const ingest = async (samples: unknown[], options: { token?: string; apiKey?: string } = { token }) => gql(INGEST, { input: { samples } }, options);

  beforeAll(async () => {
    isp = await createIsp('telemetry-gql');
    token = isp.admin.accessToken;
    device = await createDevice(isp.tenantId);
  });

  it('stores valid samples, reports invalid ones, and returns them by time range', async () => {
    const base = Date.now() - 60 * 60_000;
    const at = (minutes: number) => new Date(base + minutes * 60_000).toISOString();
    const result = dataOf(
      await ingest([
        { ...sample(device.id, 'latency_ms', 30, at(2)), labels: [{ name: 'probe', value: 'icmp' }] },
        sample(device.id, 'latency_ms', 10, at(0)),
        sample(device.id, 'latency_ms', 20, at(1)),
        sample(device.id, 'nope', 1, at(1)),
        sample(device.id, 'cpu_percent', 150, at(1)),
      ]),
    ).ingestHealthSamples;
    expect(result).toEqual({
      accepted: 3,
      rejected: [
        { index: 3, field: 'metric', code: 'BAD_USER_INPUT', message: 'Unknown metric "nope"' },
        { index: 4, field: 'value', code: 'BAD_USER_INPUT', message: 'cpu_percent must be at most 100' },
      ],
      userErrors: [],
    });
    const all = dataOf(await gql(SAMPLES, { id: device.id, metric: 'latency_ms', from: at(-1), to: at(3) }, { token })).device.samples;
    expect(all.map((row: any) => row.value)).toEqual([10, 20, 30]);
    expect(all[2]).toEqual({ metric: 'latency_ms', value: 30, at: at(2), labels: [{ name: 'probe', value: 'icmp' }] });
    const window = dataOf(await gql(SAMPLES, { id: device.id, metric: 'latency_ms', from: at(1), to: at(2), first: 5 }, { token })).device.samples;
    expect(window.map((row: any) => row.value)).toEqual([20]);
    const firstOnly = dataOf(await gql(SAMPLES, { id: device.id, metric: 'latency_ms', from: at(-1), to: at(3), first: 2 }, { token })).device.samples;
    expect(firstOnly.map((row: any) => row.value)).toEqual([10, 20]);
  });

  it('validates the time range of Device.samples', async () => {
    const now = new Date();
    const iso = (ms: number) => new Date(now.getTime() + ms).toISOString();
    const ask = (vars: Record<string, unknown>) => gql(SAMPLES, { id: device.id, metric: 'up', from: iso(-3_600_000), to: iso(0), ...vars }, { token });
    expect(codeOf(await ask({ from: iso(0), to: iso(-1000) }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await ask({ from: iso(-40 * 86_400_000) }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await ask({ metric: 'bogus' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await ask({ first: 0 }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await ask({ first: 10_001 }))).toBe('BAD_USER_INPUT');
  });

  it('refuses a batch over the limit with a userError and stores nothing', async () => {
    const samples = Array.from({ length: 5001 }, () => sample(device.id, 'up', 1));
    const result = dataOf(await ingest(samples)).ingestHealthSamples;
    expect(result.accepted).toBe(0);
    expect(result.userErrors).toEqual([{ code: 'BAD_USER_INPUT', field: ['samples'], message: 'A batch holds at most 5000 samples, got 5001' }]);
  });

  it('refuses values GraphQL cannot carry (NaN, null, huge) before anything runs', async () => {
    expect(codeOf(await ingest([sample(device.id, 'up', 'NaN')]))).toBe('BAD_USER_INPUT');
    expect(codeOf(await ingest([sample(device.id, 'up', null)]))).toBe('BAD_USER_INPUT');
    expect(codeOf(await ingest([{ deviceId: device.id, metric: 'up', value: 1, at: '2026-13-40T99:00:00Z' }]))).toBe('BAD_USER_INPUT');
  });

  it('lets NOC keys and users push, and refuses support, billing and anonymous callers', async () => {
    const nocKey = await createApiKey(token, ['NOC']);
    expect(dataOf(await ingest([sample(device.id, 'up', 1)], { apiKey: nocKey })).ingestHealthSamples.accepted).toBe(1);
    const support = await staffLogin(isp.tenantId, isp.slug, ['SUPPORT_AGENT']);
    expect(codeOf(await ingest([sample(device.id, 'up', 1)], { token: support.accessToken }))).toBe('FORBIDDEN');
    const billingKey = await createApiKey(token, ['BILLING']);
    expect(codeOf(await ingest([sample(device.id, 'up', 1)], { apiKey: billingKey }))).toBe('FORBIDDEN');
    expect(codeOf(await ingest([sample(device.id, 'up', 1)], {}))).toBe('UNAUTHENTICATED');
  });

  it("keeps another ISP from pushing to or reading this ISP's device", async () => {
    const other = await createIsp('telemetry-gql-other');
    const pushed = dataOf(await ingest([sample(device.id, 'up', 0)], { token: other.admin.accessToken })).ingestHealthSamples;
    expect(pushed).toMatchObject({ accepted: 0, rejected: [{ index: 0, field: 'deviceId', code: 'NOT_FOUND' }] });
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date().toISOString();
    expect(codeOf(await gql(SAMPLES, { id: device.id, metric: 'latency_ms', from, to }, { token: other.admin.accessToken }))).toBe('NOT_FOUND');
    const seen = await withNetworkDb(
      (client) => client.query(`select (select count(*)::int from health_sample) as samples, (select count(*)::int from device_health) as health`),
      { role: 'app', tenantId: rawId(other.tenantId) },
    );
    expect(seen.rows[0]).toEqual({ samples: 0, health: 0 });
    const mine = await withNetworkDb((client) => client.query(`select count(*)::int as n from health_sample`), { role: 'app', tenantId: rawId(isp.tenantId) });
    expect(mine.rows[0].n).toBeGreaterThan(0);
  });
});
