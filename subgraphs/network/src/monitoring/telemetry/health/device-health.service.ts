import { executeBound, recordEvents, type EntityManager } from '@dotmac/kernel';
import type { ValidSample } from '../samples/sample.js';
import type { sampleColumns } from '../samples/sample-store.js';
import type { TelemetrySettings } from '../settings/telemetry-settings.js';
import { STORE_SAMPLES_AND_UPDATE_HEALTH_SQL } from './device-health.sql.js';
import type { HealthChange, HealthState } from './health-state.js';

/** Topic of the durable domain event written when a device's health state changes. */
export const HEALTH_CHANGED_TOPIC = 'network.device.health_changed';

interface ChangeRow {
  deviceId: string;
  previous: HealthState;
  current: HealthState;
  at: Date | string;
  reason: string | null;
}

/**
 * Stores a batch and folds it into each device's health (one statement), then records a domain
 * event per device whose state changed (one more statement, only when something changed).
 */
export async function storeSamplesAndUpdateHealth(
  em: EntityManager,
  tenantId: string,
  settings: TelemetrySettings,
  samples: readonly ValidSample[],
  columns: ReturnType<typeof sampleColumns>,
): Promise<HealthChange[]> {
  if (samples.length === 0) return [];
  const rows = await executeBound<ChangeRow>(em, STORE_SAMPLES_AND_UPDATE_HEALTH_SQL, [
    tenantId,
    settings.staleAfterSeconds,
    settings.maxLatencyMs,
    settings.maxLossPercent,
    settings.maxCpuPercent,
    settings.maxTemperatureC,
    columns.deviceIds,
    columns.metrics,
    columns.values,
    columns.ats,
    columns.labels,
  ]);
  const changes = rows.map((row) => ({ ...row, at: new Date(row.at) }));
  await recordHealthChanges(em, tenantId, changes);
  return changes;
}

/** The durable record of health changes, for consumers such as support and alerting. */
export function recordHealthChanges(em: EntityManager, tenantId: string, changes: readonly HealthChange[]): Promise<void> {
  return recordEvents(
    em,
    HEALTH_CHANGED_TOPIC,
    changes.map((change) => ({ tenantId, payload: healthChangePayload(change) })),
  );
}

/** The JSON shape of a health change, the same in the outbox and on the live channel. */
export const healthChangePayload = (change: HealthChange) => ({
  deviceId: change.deviceId,
  previous: change.previous.toUpperCase(),
  current: change.current.toUpperCase(),
  at: change.at.toISOString(),
  reason: change.reason,
});
