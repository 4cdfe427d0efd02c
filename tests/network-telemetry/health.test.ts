import { beforeAll, describe, expect, it } from 'vitest';
import { dataOf, gql } from '../support/client.js';
import { createIsp, type Isp } from '../support/fixtures.js';
import { withNetworkDb } from '../network/network-fixtures.js';
import { createDevice, HEALTH, INGEST, rawId, sample } from './telemetry-fixtures.js';

const SETTINGS = `mutation($input: UpdateTelemetrySettingsInput!) { updateTelemetrySettings(input: $input) {
  settings { retentionDays staleAfterSeconds maxLatencyMs maxLossPercent maxCpuPercent maxTemperatureC } userErrors { code field message } } }`;

describe('Device.health derived from samples', () => {
  let isp: Isp;
  let token: string;
  const ingest = async (samples: unknown[]) => {
    const result = dataOf(await gql(INGEST, { input: { samples } }, { token })).ingestHealthSamples;
    expect(result.rejected).toEqual([]);
    return result;
  };
  const health = async (id: string) => dataOf(await gql(HEALTH, { id }, { token })).device.health;
  const ago = (seconds: number) => new Date(Date.now() - seconds * 1000);

  beforeAll(async () => {
    isp = await createIsp('telemetry-health');
    token = isp.admin.accessToken;
  });

  it('is UNKNOWN before any sample', async () => {
    const device = await createDevice(isp.tenantId);
    expect(await health(device.id)).toEqual({ state: 'UNKNOWN', since: null, reason: 'No samples received', lastSampleAt: null });
  });

  it('moves UP → DEGRADED → DOWN → UP, ignores late older samples, and records each change', async () => {
    const device = await createDevice(isp.tenantId);
    await ingest([sample(device.id, 'up', 1, ago(50)), sample(device.id, 'latency_ms', 20, ago(50))]);
    expect(await health(device.id)).toMatchObject({ state: 'UP', reason: null, since: expect.any(String), lastSampleAt: expect.any(String) });

    await ingest([sample(device.id, 'loss_percent', 12, ago(40))]);
    expect(await health(device.id)).toMatchObject({ state: 'DEGRADED', reason: 'loss_percent 12 > 5' });

    await ingest([sample(device.id, 'up', 0, ago(30))]);
    const down = await health(device.id);
    expect(down).toMatchObject({ state: 'DOWN', reason: 'Device reports up = 0' });

    await ingest([sample(device.id, 'up', 1, ago(35))]);
    expect((await health(device.id)).state).toBe('DOWN');

    await ingest([sample(device.id, 'up', 1, ago(20)), sample(device.id, 'loss_percent', 0, ago(20))]);
    const up = await health(device.id);
    expect(up).toMatchObject({ state: 'UP', reason: null });
    expect(Math.abs(Date.parse(up.since) - ago(20).getTime())).toBeLessThan(5000);

    const events = await withNetworkDb((client) =>
      client.query(`select payload from outbox_event where topic = 'network.device.health_changed' and payload->>'deviceId' = $1 order by created_at`, [rawId(device.id)]),
    );
    expect(events.rows.map((row) => [row.payload.previous, row.payload.current])).toEqual([
      ['UNKNOWN', 'UP'],
      ['UP', 'DEGRADED'],
      ['DEGRADED', 'DOWN'],
      ['DOWN', 'UP'],
    ]);
  });

  it('uses the ISP thresholds, and lists every breach', async () => {
    const device = await createDevice(isp.tenantId);
    await ingest([sample(device.id, 'up', 1), sample(device.id, 'cpu_percent', 95), sample(device.id, 'temperature_c', 80)]);
    expect(await health(device.id)).toMatchObject({ state: 'DEGRADED', reason: 'cpu_percent 95 > 90; temperature_c 80 > 75' });
    const changed = dataOf(await gql(SETTINGS, { input: { maxCpuPercent: 99, maxTemperatureC: 85 } }, { token })).updateTelemetrySettings;
    expect(changed).toMatchObject({ userErrors: [], settings: { maxCpuPercent: 99, maxTemperatureC: 85, retentionDays: 30 } });
    await ingest([sample(device.id, 'cpu_percent', 95)]);
    expect(await health(device.id)).toMatchObject({ state: 'UP' });
    await gql(SETTINGS, { input: { maxCpuPercent: 90, maxTemperatureC: 75 } }, { token });
  });

  it('is DEGRADED with fresh metrics but no up sample, and UNKNOWN when every sample is stale', async () => {
    const quiet = await createDevice(isp.tenantId);
    await ingest([sample(quiet.id, 'cpu_percent', 10)]);
    expect(await health(quiet.id)).toMatchObject({ state: 'DEGRADED', reason: 'No recent up sample' });
    const stale = await createDevice(isp.tenantId);
    await ingest([sample(stale.id, 'up', 1, ago(3600))]);
    expect(await health(stale.id)).toMatchObject({ state: 'UNKNOWN', reason: 'No samples in the last 900 s' });
  });

  it('validates the settings', async () => {
    const bad = async (input: Record<string, unknown>) => dataOf(await gql(SETTINGS, { input }, { token })).updateTelemetrySettings.userErrors[0];
    expect(await bad({ retentionDays: 0 })).toMatchObject({ code: 'BAD_USER_INPUT', field: ['retentionDays'] });
    expect(await bad({ retentionDays: 366 })).toMatchObject({ code: 'BAD_USER_INPUT', field: ['retentionDays'] });
    expect(await bad({ staleAfterSeconds: 10 })).toMatchObject({ code: 'BAD_USER_INPUT', field: ['staleAfterSeconds'] });
    expect(await bad({ maxLossPercent: 101 })).toMatchObject({ code: 'BAD_USER_INPUT', field: ['maxLossPercent'] });
  });
});
