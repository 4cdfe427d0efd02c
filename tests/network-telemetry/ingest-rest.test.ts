import { beforeAll, describe, expect, it } from 'vitest';
import { signInternalContext } from '@dotmac/kernel';
import { createIsp, type Isp } from '../support/fixtures.js';
import { platform } from '../support/platform-context.js';
import { staffLogin, withNetworkDb } from '../network/network-fixtures.js';
import { createApiKey, createDevice, postMetrics, rawId, sample } from './telemetry-fixtures.js';

describe('REST telemetry through the gateway (POST /api/v1/monitoring/metrics)', () => {
  let isp: Isp;
  let key: string;
  let device: { id: string };

  beforeAll(async () => {
    isp = await createIsp('telemetry-rest');
    key = await createApiKey(isp.admin.accessToken, ['NOC']);
    device = await createDevice(isp.tenantId);
  });

  it('stores a batch pushed with an API key and says how many', async () => {
    const at = new Date(Date.now() - 1000);
    const answer = await postMetrics(
      { samples: [sample(device.id, 'up', 1, at), sample(device.id, 'latency_ms', 12.5, at), sample(rawId(device.id), 'interface_in_octets', 123456789, at, { ifName: 'xe-0/0/1' })] },
      { 'x-api-key': key },
    );
    expect(answer).toEqual({ status: 200, body: { accepted: 3, rejected: [] } });
    const rows = await withNetworkDb((client) => client.query(`select metric, value, labels from health_sample where device_id = $1 order by metric`, [rawId(device.id)]));
    expect(rows.rows).toEqual([
      { metric: 'interface_in_octets', value: 123456789, labels: { ifName: 'xe-0/0/1' } },
      { metric: 'latency_ms', value: 12.5, labels: null },
      { metric: 'up', value: 1, labels: null },
    ]);
  });

  it('accepts a bearer token of a NOC user too', async () => {
    const noc = await staffLogin(isp.tenantId, isp.slug, ['NOC']);
    const answer = await postMetrics({ samples: [sample(device.id, 'cpu_percent', 40)] }, { authorization: `Bearer ${noc.accessToken}` });
    expect(answer).toEqual({ status: 200, body: { accepted: 1, rejected: [] } });
  });

  it('stores the good samples of a batch and reports each bad one with index, field and code', async () => {
    const now = Date.now();
    const unknownDevice = '00000000-0000-4000-8000-000000000000';
    const answer = await postMetrics(
      {
        samples: [
          sample(device.id, 'up', 1),
          sample(unknownDevice, 'up', 1),
          sample(device.id, 'up', 'NaN'),
          sample(device.id, 'latency_ms', null),
          sample(device.id, 'loss_percent', 101),
          sample(device.id, 'up', 2),
          sample(device.id, 'bogus_metric', 1),
          sample(device.id, 'cpu_percent', 10, new Date(now + 10 * 60_000)),
          sample(device.id, 'cpu_percent', 10, new Date(now - 40 * 86_400_000)),
          sample(device.id, 'cpu_percent', 10, 'yesterday'),
          sample('not-an-id', 'up', 1),
          sample(device.id, 'interface_out_octets', -1),
          sample(device.id, 'memory_percent', 55),
        ],
      },
      { 'x-api-key': key },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.accepted).toBe(2);
    expect(answer.body.rejected.map((r: any) => [r.index, r.field, r.code])).toEqual([
      [1, 'deviceId', 'NOT_FOUND'],
      [2, 'value', 'BAD_USER_INPUT'],
      [3, 'value', 'BAD_USER_INPUT'],
      [4, 'value', 'BAD_USER_INPUT'],
      [5, 'value', 'BAD_USER_INPUT'],
      [6, 'metric', 'BAD_USER_INPUT'],
      [7, 'at', 'BAD_USER_INPUT'],
      [8, 'at', 'BAD_USER_INPUT'],
      [9, 'at', 'BAD_USER_INPUT'],
      [10, 'deviceId', 'BAD_USER_INPUT'],
      [11, 'value', 'BAD_USER_INPUT'],
    ]);
    expect(answer.body.rejected[5].message).toMatch(/Unknown metric/);
    expect(answer.body.rejected[6].message).toMatch(/future/);
  });

  it('refuses numbers JSON turns into Infinity (1e400) per sample', async () => {
    const body = `{"samples":[{"deviceId":"${device.id}","metric":"latency_ms","value":1e400},{"deviceId":"${device.id}","metric":"latency_ms","value":-1e400}]}`;
    const answer = await postMetrics(body, { 'x-api-key': key });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ accepted: 0, rejected: [{ index: 0, field: 'value', code: 'BAD_USER_INPUT' }, { index: 1, field: 'value' }] });
  });

  it('refuses a batch over the limit whole, with BAD_USER_INPUT', async () => {
    const samples = Array.from({ length: 5001 }, () => sample(device.id, 'up', 1));
    const before = await withNetworkDb((client) => client.query(`select count(*)::int as n from health_sample where device_id = $1`, [rawId(device.id)]));
    const answer = await postMetrics({ samples }, { 'x-api-key': key });
    expect(answer).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT', field: 'samples' } });
    const after = await withNetworkDb((client) => client.query(`select count(*)::int as n from health_sample where device_id = $1`, [rawId(device.id)]));
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('answers 400 for malformed JSON and for a body without a samples array', async () => {
    expect(await postMetrics('{"samples": [', { 'x-api-key': key })).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT' } });
    expect(await postMetrics({ sample: [] }, { 'x-api-key': key })).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT', field: 'samples' } });
    expect(await postMetrics('[]', { 'x-api-key': key })).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT' } });
  });

  it('answers 401 without a key or with a wrong one, 403 for a key without a telemetry role', async () => {
    const body = { samples: [sample(device.id, 'up', 1)] };
    expect(await postMetrics(body)).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
    expect(await postMetrics(body, { 'x-api-key': 'dmk_00000000000000000000000000000000_nope' })).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
    expect(await postMetrics(body, { authorization: 'Basic abc' })).toMatchObject({ status: 401 });
    const supportKey = await createApiKey(isp.admin.accessToken, ['SUPPORT_AGENT']);
    expect(await postMetrics(body, { 'x-api-key': supportKey })).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
  });

  it('keeps the internal route closed to callers without the gateway signature', async () => {
    const internal = new URL('/internal/monitoring/metrics', platform().subgraphUrls.network).toString();
    const body = JSON.stringify({ samples: [sample(device.id, 'up', 1)] });
    const unsigned = await fetch(internal, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(unsigned.status).toBe(401);
    const forged = signInternalContext({ viewer: { kind: 'api_key', tenantId: rawId(isp.tenantId), roles: ['noc'] as never }, requestId: 'x' }, 'not-the-real-signing-key');
    const wrongKey = await fetch(internal, { method: 'POST', headers: { 'content-type': 'application/json', 'x-dotmac-context': forged }, body });
    expect(wrongKey.status).toBe(401);
  });

  it("never stores samples for another ISP's device", async () => {
    const other = await createIsp('telemetry-rest-other');
    const theirs = await createDevice(other.tenantId);
    const answer = await postMetrics({ samples: [sample(theirs.id, 'up', 0), sample(device.id, 'up', 1)] }, { 'x-api-key': key });
    expect(answer.body).toEqual({ accepted: 1, rejected: [{ index: 0, field: 'deviceId', code: 'NOT_FOUND', message: 'No such device in this ISP' }] });
    const stored = await withNetworkDb((client) => client.query(`select count(*)::int as n from health_sample where device_id = $1`, [rawId(theirs.id)]));
    expect(stored.rows[0].n).toBe(0);
  });

  it('echoes the request id it forwarded', async () => {
    const response = await fetch(new URL('/api/v1/monitoring/metrics', platform().gatewayUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key, 'x-request-id': 'telemetry-req-1' },
      body: JSON.stringify({ samples: [] }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('telemetry-req-1');
  });
});
