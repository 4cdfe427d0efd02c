import { executeBound, type EntityManager } from '@dotmac/kernel';
import { numberArray, textArray } from './pg-array.js';
import type { ValidSample } from './sample.js';

/** Which of `deviceIds` are devices of the tenant (row-level security hides every other tenant's). */
export async function existingDeviceIds(em: EntityManager, tenantId: string, deviceIds: readonly string[]): Promise<Set<string>> {
  if (deviceIds.length === 0) return new Set();
  const rows = await executeBound<{ id: string }>(em, `select id from device where tenant_id = ? and id = any(?::uuid[])`, [tenantId, textArray(deviceIds)]);
  return new Set(rows.map((row) => row.id));
}

/** The columns of a batch, one array per column, for statements that unnest them. */
export function sampleColumns(samples: readonly ValidSample[]) {
  return {
    deviceIds: textArray(samples.map((sample) => sample.deviceId)),
    metrics: textArray(samples.map((sample) => sample.metric)),
    values: numberArray(samples.map((sample) => sample.value)),
    ats: textArray(samples.map((sample) => sample.at.toISOString())),
  };
}

/** Stores a batch of samples with one statement (the columns travel as five array parameters). */
export async function insertSamples(em: EntityManager, tenantId: string, samples: readonly ValidSample[], columns = sampleColumns(samples)): Promise<void> {
  if (samples.length === 0) return;
  const labels = samples.some((sample) => sample.labels)
    ? textArray(samples.map((sample) => (sample.labels ? JSON.stringify(sample.labels) : null)))
    : `{${samples.map(() => 'NULL').join(',')}}`;
  await executeBound(
    em,
    `insert into health_sample (tenant_id, device_id, metric, value, at, labels, received_at)
     select ?::uuid, s.device_id, s.metric, s.value, s.at, s.labels, now()
     from unnest(?::uuid[], ?::text[], ?::float8[], ?::timestamptz[], ?::jsonb[]) as s(device_id, metric, value, at, labels)`,
    [tenantId, columns.deviceIds, columns.metrics, columns.values, columns.ats, labels],
  );
}
