import { AppError, executeBound, type EntityManager } from '@dotmac/kernel';

/** An ISP's telemetry settings: how long samples are kept and when a device counts as unhealthy. */
export interface TelemetrySettings {
  retentionDays: number;
  /** A device with no sample for this long is UNKNOWN; a metric this old no longer counts. */
  staleAfterSeconds: number;
  maxLatencyMs: number;
  maxLossPercent: number;
  maxCpuPercent: number;
  maxTemperatureC: number;
}

export const DEFAULT_TELEMETRY_SETTINGS: Readonly<TelemetrySettings> = Object.freeze({
  retentionDays: 30,
  staleAfterSeconds: 900,
  maxLatencyMs: 200,
  maxLossPercent: 5,
  maxCpuPercent: 90,
  maxTemperatureC: 75,
});

/** Inclusive bounds of each setting (the table's check constraints say the same). */
export const SETTING_BOUNDS: Readonly<Record<keyof TelemetrySettings, readonly [number, number]>> = Object.freeze({
  retentionDays: [1, 365],
  staleAfterSeconds: [60, 86_400],
  maxLatencyMs: [1, 600_000],
  maxLossPercent: [0, 100],
  maxCpuPercent: [0, 100],
  maxTemperatureC: [-50, 200],
});

const COLUMNS = `retention_days as "retentionDays", stale_after_seconds as "staleAfterSeconds", max_latency_ms as "maxLatencyMs",
  max_loss_percent as "maxLossPercent", max_cpu_percent as "maxCpuPercent", max_temperature_c as "maxTemperatureC"`;

/** The ISP's settings, or the defaults when it never changed them (nothing is written until it does). */
export async function telemetrySettingsOf(em: EntityManager, tenantId: string): Promise<TelemetrySettings> {
  const [row] = await executeBound<TelemetrySettings>(em, `select ${COLUMNS} from telemetry_settings where tenant_id = ?`, [tenantId]);
  return row ?? { ...DEFAULT_TELEMETRY_SETTINGS };
}

/** Changes some settings (absent ones stay); each is validated against its bounds. */
export async function updateTelemetrySettings(em: EntityManager, tenantId: string, changes: Partial<TelemetrySettings>): Promise<TelemetrySettings> {
  const next = { ...(await telemetrySettingsOf(em, tenantId)) };
  for (const [key, [min, max]] of Object.entries(SETTING_BOUNDS) as [keyof TelemetrySettings, readonly [number, number]][]) {
    const value = changes[key];
    if (value === undefined || value === null) continue;
    if (!Number.isFinite(value) || value < min || value > max) throw AppError.badInput(`${key} must be between ${min} and ${max}`, key);
    if ((key === 'retentionDays' || key === 'staleAfterSeconds') && !Number.isInteger(value)) throw AppError.badInput(`${key} must be a whole number`, key);
    next[key] = value;
  }
  await executeBound(
    em,
    `insert into telemetry_settings (tenant_id, retention_days, stale_after_seconds, max_latency_ms, max_loss_percent, max_cpu_percent, max_temperature_c, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, now())
     on conflict (tenant_id) do update set retention_days = excluded.retention_days, stale_after_seconds = excluded.stale_after_seconds,
       max_latency_ms = excluded.max_latency_ms, max_loss_percent = excluded.max_loss_percent, max_cpu_percent = excluded.max_cpu_percent,
       max_temperature_c = excluded.max_temperature_c, updated_at = now()`,
    [tenantId, next.retentionDays, next.staleAfterSeconds, next.maxLatencyMs, next.maxLossPercent, next.maxCpuPercent, next.maxTemperatureC],
  );
  return next;
}
