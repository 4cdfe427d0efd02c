import DataLoader from 'dataloader';
import { executeBound, type Database, type Scope } from '@dotmac/kernel';
import { sampleQueryKey, type SampleQuery } from './graphql/sample-query.js';
import type { StoredHealth } from './health/current-health.js';
import { textArray } from './samples/pg-array.js';
import { DEFAULT_TELEMETRY_SETTINGS } from './settings/telemetry-settings.js';

export interface StoredSample {
  deviceId: string;
  metric: string;
  value: number;
  at: Date;
  labels: Record<string, string> | null;
}

const HEALTH_SQL = `select h.device_id as "deviceId", h.state, h.since, h.reason, h.last_sample_at as "lastSampleAt",
    coalesce(s.stale_after_seconds, ?) as "staleAfterSeconds"
  from device_health h left join telemetry_settings s using (tenant_id) where h.device_id = any(?::uuid[])`;

// One indexed range scan per device (btree on device_id, metric, at), each cut at `first` rows.
const SAMPLES_SQL = `select d.id as "deviceId", s.metric, s.value, s.at, s.labels
  from unnest(?::uuid[]) as d(id)
  cross join lateral (
    select metric, value, at, labels from health_sample
    where device_id = d.id and metric = ? and at >= ? and at < ? order by at limit ?
  ) s
  order by d.id, s.at`;

/** Per-request loaders of device health and samples: one statement per field across a page of devices. */
export function createTelemetryLoaders(db: Database, scope: Scope | undefined) {
  const healthByDevice = new DataLoader<string, StoredHealth | undefined>(async (ids) => {
    if (!scope) return ids.map(() => undefined);
    const rows = await db.run(scope, (em) => executeBound<StoredHealth>(em, HEALTH_SQL, [DEFAULT_TELEMETRY_SETTINGS.staleAfterSeconds, textArray(ids)]));
    const byId = new Map(rows.map((row) => [row.deviceId, { ...row, since: new Date(row.since), lastSampleAt: new Date(row.lastSampleAt) }]));
    return ids.map((id) => byId.get(id));
  });
  const sampleLoaders = new Map<string, DataLoader<string, StoredSample[]>>();
  const samplesOfDevice = (query: SampleQuery): DataLoader<string, StoredSample[]> => {
    const key = sampleQueryKey(query);
    let loader = sampleLoaders.get(key);
    if (!loader) {
      loader = new DataLoader<string, StoredSample[]>(async (ids) => {
        if (!scope) return ids.map(() => []);
        const rows = await db.run(scope, (em) =>
          executeBound<StoredSample>(em, SAMPLES_SQL, [textArray(ids), query.metric, query.from.toISOString(), query.to.toISOString(), query.first]),
        );
        const byDevice = new Map<string, StoredSample[]>();
        for (const row of rows) {
          const list = byDevice.get(row.deviceId) ?? [];
          list.push({ ...row, at: new Date(row.at) });
          byDevice.set(row.deviceId, list);
        }
        return ids.map((id) => byDevice.get(id) ?? []);
      });
      sampleLoaders.set(key, loader);
    }
    return loader;
  };
  return { healthByDevice, samplesOfDevice };
}
