import { executeBound, type EntityManager } from '@dotmac/kernel';
import { DEFAULT_TELEMETRY_SETTINGS, type TelemetrySettings } from '../settings/telemetry-settings.js';
import { numberArray, textArray } from './pg-array.js';
import type { ValidSample } from './sample.js';

export interface BatchContext {
  settings: TelemetrySettings;
  /** Which of the asked device ids are devices of the tenant (row-level security hides the rest). */
  knownDeviceIds: Set<string>;
}

type ContextRow = { [K in keyof TelemetrySettings]: number | null } & { known: string[] };

/** The tenant's telemetry settings and which of `deviceIds` it owns, in one statement. */
export async function batchContext(em: EntityManager, tenantId: string, deviceIds: readonly string[]): Promise<BatchContext> {
  const [row] = await executeBound<ContextRow>(
    em,
    `select s.retention_days as "retentionDays", s.stale_after_seconds as "staleAfterSeconds", s.max_latency_ms as "maxLatencyMs",
       s.max_loss_percent as "maxLossPercent", s.max_cpu_percent as "maxCpuPercent", s.max_temperature_c as "maxTemperatureC",
       array(select id::text from device where tenant_id = ?::uuid and id = any(?::uuid[])) as known
     from (select 1) one left join telemetry_settings s on s.tenant_id = ?::uuid`,
    [tenantId, textArray(deviceIds), tenantId],
  );
  const { known, ...stored } = row!;
  const settings = stored.retentionDays === null ? { ...DEFAULT_TELEMETRY_SETTINGS } : (stored as TelemetrySettings);
  return { settings, knownDeviceIds: new Set(known) };
}

/** The columns of a batch, one array literal per column, for the statement that unnests them. */
export function sampleColumns(samples: readonly ValidSample[]) {
  return {
    deviceIds: textArray(samples.map((sample) => sample.deviceId)),
    metrics: textArray(samples.map((sample) => sample.metric)),
    values: numberArray(samples.map((sample) => sample.value)),
    ats: textArray(samples.map((sample) => sample.at.toISOString())),
    labels: textArray(samples.map((sample) => (sample.labels ? JSON.stringify(sample.labels) : null))),
  };
}
