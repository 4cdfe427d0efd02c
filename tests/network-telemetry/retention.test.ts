import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@dotmac/kernel';
import { PostgresLivePublisher } from '@dotmac/network/monitoring/telemetry/live/postgres-live-publisher';
import { deviceHealthChannel } from '@dotmac/network/monitoring/telemetry/live/live-event-publisher';
import { TelemetryMaintenance } from '@dotmac/network/monitoring/telemetry/maintenance/telemetry-maintenance';
import { dataOf, gql } from '../support/client.js';
import { createIsp, type Isp } from '../support/fixtures.js';
import { withNetworkDb } from '../network/network-fixtures.js';
import { createDevice, HEALTH, INGEST, rawId, sample } from './telemetry-fixtures.js';
import { eventually, listenOnNetworkDb, openNetworkDatabase, quietLogger } from './telemetry-db.js';

const DAY = 86_400_000;

/** Samples written straight into the table (ingestion refuses timestamps past the retention). */
async function insertOldSamples(tenantId: string, deviceId: string, ages: number[]): Promise<void> {
  await withNetworkDb((client) =>
    client.query(
      `insert into health_sample (tenant_id, device_id, metric, value, at) select $1, $2, 'latency_ms', 1, now() - (age * interval '1 millisecond') from unnest($3::bigint[]) age`,
      [tenantId, deviceId, ages],
    ),
  );
}

const sampleAges = (deviceId: string) =>
  withNetworkDb(async (client) => (await client.query(`select round(extract(epoch from now() - at) / 86400)::int as days from health_sample where device_id = $1 order by at`, [deviceId])).rows.map((row) => row.days));

describe('telemetry maintenance: retention purge and staleness (the scheduler, run on its own here)', () => {
  let db: Database;
  let short: Isp;
  let standard: Isp;

  beforeAll(async () => {
    db = await openNetworkDatabase();
    short = await createIsp('telemetry-retention');
    standard = await createIsp('telemetry-retention-std');
  });
  afterAll(async () => db.close());

  it("deletes samples past each ISP's retention, in batches, on its schedule", async () => {
    const settings = dataOf(
      await gql(`mutation { updateTelemetrySettings(input: { retentionDays: 2 }) { settings { retentionDays } userErrors { code } } }`, {}, { token: short.admin.accessToken }),
    ).updateTelemetrySettings;
    expect(settings).toEqual({ settings: { retentionDays: 2 }, userErrors: [] });
    const mine = await createDevice(short.tenantId);
    const theirs = await createDevice(standard.tenantId);
    for (const [isp, device] of [[short, mine], [standard, theirs]] as const) {
      dataOf(await gql(INGEST, { input: { samples: [sample(device.id, 'up', 1)] } }, { token: isp.admin.accessToken }));
      await insertOldSamples(rawId(isp.tenantId), rawId(device.id), [3 * DAY, 3 * DAY + 1000, 4 * DAY, DAY]);
    }

    const maintenance = new TelemetryMaintenance(db, new PostgresLivePublisher(db), quietLogger, { intervalMs: 100, purgeBatchSize: 2 });
    maintenance.start();
    try {
      await eventually(async () => (await sampleAges(rawId(mine.id))).length === 2, 10_000);
    } finally {
      await maintenance.stop();
    }
    expect(await sampleAges(rawId(mine.id))).toEqual([1, 0]);
    expect(await sampleAges(rawId(theirs.id))).toEqual([4, 3, 3, 1, 0]);
  });

  it('marks devices that went quiet UNKNOWN, with a domain event and a live event', async () => {
    const device = await createDevice(short.tenantId);
    dataOf(await gql(INGEST, { input: { samples: [sample(device.id, 'up', 1)] } }, { token: short.admin.accessToken }));
    await withNetworkDb((client) => client.query(`update device_health set last_sample_at = now() - interval '2 hours' where device_id = $1`, [rawId(device.id)]));
    const listener = await listenOnNetworkDb(deviceHealthChannel(rawId(short.tenantId)));
    try {
      await new TelemetryMaintenance(db, new PostgresLivePublisher(db), quietLogger, { intervalMs: 0, purgeBatchSize: 1000 }).runOnce();
      await eventually(() => listener.received.some((event) => event.payload.deviceId === rawId(device.id)), 2000);
    } finally {
      await listener.close();
    }
    const health = dataOf(await gql(HEALTH, { id: device.id }, { token: short.admin.accessToken })).device.health;
    expect(health).toMatchObject({ state: 'UNKNOWN', reason: 'No samples in the last 900 s' });
    const stored = await withNetworkDb((client) => client.query(`select state from device_health where device_id = $1`, [rawId(device.id)]));
    expect(stored.rows[0].state).toBe('unknown');
    const events = await withNetworkDb((client) =>
      client.query(`select payload->>'current' as current from outbox_event where topic = 'network.device.health_changed' and payload->>'deviceId' = $1 order by created_at`, [rawId(device.id)]),
    );
    expect(events.rows.map((row) => row.current)).toEqual(['UP', 'UNKNOWN']);
  });
});
