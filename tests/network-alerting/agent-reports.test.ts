import { platform } from '../support/platform-context.js';
import { createApiKey } from '../network-telemetry/telemetry-fixtures.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { Role, type Viewer } from '@dotmac/kernel';
import { createIsp, type Isp } from '../support/fixtures.js';
import { createDevice, incidentsOf, postInternal, rawId } from './alerting-fixtures.js';

const ALERTS = '/internal/monitoring/alerts';
const CHECKS = '/internal/monitoring/health-checks';

describe('external agents report alerts and health checks', () => {
  let isp: Isp;
  let token: string;
  let noc: Viewer;
  const at = (minutes = 0) => new Date(Date.now() - 60 * 60_000 + minutes * 60_000).toISOString();

  beforeAll(async () => {
    isp = await createIsp('alerting-agents');
    token = isp.admin.accessToken;
    noc = { kind: 'api_key', id: '00000000-0000-4000-8000-000000000001', tenantId: rawId(isp.tenantId), roles: [Role.NOC] };
  });

  it('raises and clears an alert, once per idempotency key', async () => {
    const device = await createDevice(token);
    const raise = { deviceId: device.id, key: 'bgp-peer-down', name: 'BGP peer down', severity: 'critical', state: 'firing', message: 'peer 10.0.0.1 idle', at: at(), idempotencyKey: 'evt-1' };
    expect(await postInternal(ALERTS, { alerts: [raise] }, noc)).toEqual({ status: 200, body: { accepted: 1, duplicates: 0, results: [{ index: 0, status: 'accepted' }] } });
    expect((await postInternal(ALERTS, raise, noc)).body).toMatchObject({ accepted: 0, duplicates: 1 });
    const [incident] = await incidentsOf(token, device.id);
    expect(incident).toMatchObject({ source: 'AGENT_ALERT', sourceKey: 'bgp-peer-down', title: 'BGP peer down', severity: 'CRITICAL', state: 'OPEN' });
    await postInternal(ALERTS, { ...raise, state: 'resolved', at: at(5), idempotencyKey: 'evt-2' }, noc);
    const [cleared] = await incidentsOf(token, device.id);
    expect(cleared).toMatchObject({ id: incident.id, state: 'RESOLVED', resolution: 'AGENT' });
  });

  it('are reached by agents through the gateway with an API key: /api/v1/monitoring/alerts and /health-checks', async () => {
    const device = await createDevice(token);
    const key = await createApiKey(token, ['NOC']);
    const post = async (path: string, body: unknown, headers: Record<string, string>) => {
      const response = await fetch(new URL(path, platform().gatewayUrl), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const alert = { deviceId: device.id, key: 'psu-fail', name: 'PSU failure', severity: 'major', state: 'firing', message: 'PSU 2 failed', at: at(), idempotencyKey: 'gw-1' };
    expect(await post('/api/v1/monitoring/alerts', { alerts: [alert] }, { 'x-api-key': key })).toEqual({ status: 200, body: { accepted: 1, duplicates: 0, results: [{ index: 0, status: 'accepted' }] } });
    expect((await incidentsOf(token, device.id))[0]).toMatchObject({ source: 'AGENT_ALERT', sourceKey: 'psu-fail', state: 'OPEN' });
    const check = { deviceId: device.id, check: 'dns', status: 'critical', latencyMs: 900, at: at(1) };
    expect((await post('/api/v1/monitoring/health-checks', { checks: [check] }, { 'x-api-key': key })).status).toBe(200);
    expect((await incidentsOf(token, device.id)).map((incident: { sourceKey: string }) => incident.sourceKey).sort()).toEqual(['dns', 'psu-fail']);
    // Without a key, or with a forged one, nothing reaches the subgraph.
    expect((await post('/api/v1/monitoring/alerts', { alerts: [alert] }, {})).status).toBe(401);
    expect((await post('/api/v1/monitoring/alerts', { alerts: [alert] }, { 'x-api-key': 'dmk_forged' })).status).toBe(401);
  });

  it('turns failing health checks into incidents and ok into a resolution', async () => {
    const device = await createDevice(token);
    const check = (status: string, minutes: number) => ({ deviceId: device.id, check: 'http', status, latencyMs: 1200, at: at(minutes) });
    expect((await postInternal(CHECKS, { checks: [check('warning', 0), check('critical', 1)] }, noc)).status).toBe(200);
    const [incident] = await incidentsOf(token, device.id);
    expect(incident).toMatchObject({ source: 'HEALTH_CHECK', sourceKey: 'http', severity: 'CRITICAL', lastValue: 1200, state: 'OPEN' });
    await postInternal(CHECKS, check('ok', 2), noc);
    expect((await incidentsOf(token, device.id))[0]).toMatchObject({ state: 'RESOLVED' });
  });

  it('validates every item, names each bad one, and records nothing', async () => {
    const device = await createDevice(token);
    const unknownDevice = Buffer.from('Device:00000000-0000-4000-8000-000000000000').toString('base64url');
    const good = { deviceId: device.id, key: 'x', severity: 'major', state: 'firing', at: at() };
    const response = await postInternal(ALERTS, { alerts: [good, { ...good, severity: 'urgent' }, { ...good, at: 'yesterday' }, { ...good, deviceId: unknownDevice }, { ...good, key: undefined }] }, noc);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { index: 1, field: 'alerts.1.severity', code: 'BAD_USER_INPUT', message: 'severity must be one of critical, major, minor, warning, info' },
      { index: 2, field: 'alerts.2.at', code: 'BAD_USER_INPUT', message: 'at must be an ISO-8601 time' },
      { index: 3, field: 'alerts.3.deviceId', code: 'NOT_FOUND', message: 'Device not found' },
      { index: 4, field: 'alerts.4.key', code: 'BAD_USER_INPUT', message: 'key or name is required' },
    ]);
    expect(await incidentsOf(token, device.id)).toEqual([]);
  });

  it('requires the signed context and a network role, and keeps ISPs apart', async () => {
    const device = await createDevice(token);
    const item = { deviceId: device.id, key: 'x', severity: 'major', state: 'firing', at: at() };
    expect((await postInternal(ALERTS, item)).status).toBe(401);
    expect((await postInternal(ALERTS, item, { ...noc, roles: [Role.BILLING] })).status).toBe(403);
    const other = await createIsp('alerting-agents-other');
    const otherNoc: Viewer = { ...noc, tenantId: rawId(other.tenantId) };
    const response = await postInternal(ALERTS, item, otherNoc);
    expect(response.status).toBe(400);
    expect(response.body.errors[0]).toMatchObject({ code: 'NOT_FOUND', field: 'alerts.0.deviceId' });
  });
});
