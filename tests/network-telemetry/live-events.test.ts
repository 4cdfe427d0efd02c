import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@dotmac/kernel';
import { TelemetryIngestion } from '@dotmac/network/monitoring/telemetry/ingestion/ingestion.service';
import { SamplesIngestedHooks } from '@dotmac/network/monitoring/telemetry/ingestion/samples-ingested.hooks';
import { deviceHealthChannel } from '@dotmac/network/monitoring/telemetry/live/live-event-publisher';
import { PostgresLivePublisher } from '@dotmac/network/monitoring/telemetry/live/postgres-live-publisher';
import { createApiKey, createDevice, postMetrics, rawId, sample } from './telemetry-fixtures.js';
import { createIsp, type Isp } from '../support/fixtures.js';
import { platform } from '../support/platform-context.js';
import { eventually, listenOnNetworkDb, openNetworkDatabase, quietLogger } from './telemetry-db.js';

const redisUrl = platform().redisUrl;

describe('live device health events', () => {
  let isp: Isp;
  let key: string;

  beforeAll(async () => {
    isp = await createIsp('telemetry-live');
    key = await createApiKey(isp.admin.accessToken, ['NOC']);
  });

  it.skipIf(!redisUrl)('publishes a health change on the tenant Redis channel within 1 s of the sample (needs Redis)', async () => {
    const device = await createDevice(isp.tenantId);
    await postMetrics({ samples: [sample(device.id, 'up', 1)] }, { 'x-api-key': key });
    const subscriber = new Redis(redisUrl!);
    const received: { message: any; receivedAt: number }[] = [];
    subscriber.on('message', (_channel, message) => received.push({ message: JSON.parse(message), receivedAt: Date.now() }));
    await subscriber.subscribe(deviceHealthChannel(rawId(isp.tenantId)));
    try {
      const at = new Date();
      const answer = await postMetrics({ samples: [sample(device.id, 'up', 0, at)] }, { 'x-api-key': key });
      expect(answer.body.accepted).toBe(1);
      await eventually(() => received.length > 0, 2000);
      expect(received[0]!.message).toEqual({ deviceId: rawId(device.id), previous: 'UP', current: 'DOWN', at: at.toISOString(), reason: 'Device reports up = 0' });
      expect(received[0]!.receivedAt - at.getTime()).toBeLessThan(1000);
    } finally {
      subscriber.disconnect();
    }
  });

  it("never puts one ISP's events on another ISP's channel", async () => {
    const other = await createIsp('telemetry-live-other');
    const listener = await listenOnNetworkDb(deviceHealthChannel(rawId(other.tenantId)));
    const subscriber = redisUrl ? new Redis(redisUrl) : undefined;
    const onRedis: string[] = [];
    subscriber?.on('message', (_channel, message) => onRedis.push(message));
    await subscriber?.subscribe(deviceHealthChannel(rawId(other.tenantId)));
    try {
      const device = await createDevice(isp.tenantId);
      await postMetrics({ samples: [sample(device.id, 'up', 0)] }, { 'x-api-key': key });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(listener.received).toEqual([]);
      expect(onRedis).toEqual([]);
    } finally {
      subscriber?.disconnect();
      await listener.close();
    }
  });

  describe('without Redis: PostgreSQL NOTIFY', () => {
    let db: Database;
    beforeAll(async () => {
      db = await openNetworkDatabase();
    });
    afterAll(async () => db.close());

    it('notifies the tenant channel after the ingestion committed, within 1 s', async () => {
      const device = await createDevice(isp.tenantId);
      const hooks = new SamplesIngestedHooks(quietLogger);
      const seenByHook: unknown[] = [];
      hooks.register((tenantId, samples, changes) => void seenByHook.push({ tenantId, samples: samples.length, changes: changes.map((change) => change.current) }));
      hooks.register(() => {
        throw new Error('a failing hook never breaks ingestion');
      });
      const ingestion = new TelemetryIngestion({ db, publisher: new PostgresLivePublisher(db), hooks, logger: quietLogger, maxBatchSize: 100 });
      const listener = await listenOnNetworkDb(deviceHealthChannel(rawId(isp.tenantId)));
      try {
        const at = new Date();
        const result = await ingestion.ingest(rawId(isp.tenantId), [sample(device.id, 'up', 0, at), sample(device.id, 'bogus', 1, at)]);
        expect(result).toMatchObject({ accepted: 1, rejected: [{ index: 1, field: 'metric' }] });
        await eventually(() => listener.received.length > 0, 2000);
        expect(listener.received[0]!.payload).toEqual({ deviceId: rawId(device.id), previous: 'UNKNOWN', current: 'DOWN', at: at.toISOString(), reason: 'Device reports up = 0' });
        expect(listener.received[0]!.receivedAt - at.getTime()).toBeLessThan(1000);
        expect(seenByHook).toEqual([{ tenantId: rawId(isp.tenantId), samples: 1, changes: ['down'] }]);
      } finally {
        await listener.close();
      }
    });
  });
});
