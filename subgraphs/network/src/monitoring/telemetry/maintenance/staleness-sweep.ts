import { executeBound, type Database } from '@dotmac/kernel';
import { recordHealthChanges } from '../health/device-health.service.js';
import { HealthState, type HealthChange } from '../health/health-state.js';
import { DEFAULT_TELEMETRY_SETTINGS } from '../settings/telemetry-settings.js';

interface StaleRow {
  tenantId: string;
  deviceId: string;
  previous: HealthState;
  at: Date | string;
  reason: string;
}

/**
 * Marks UNKNOWN every device whose latest sample is older than its ISP's staleness window (no
 * sample arrives to do it), records the change as a domain event, and answers the changes by tenant
 * for the live channel. Runs across tenants in one statement.
 */
export async function markStaleDevicesUnknown(db: Database): Promise<Map<string, HealthChange[]>> {
  const rows = await db.asPlatform(async (em) => {
    const stale = await executeBound<StaleRow>(
      em,
      `with expired as (
         select h.device_id, h.state as previous, coalesce(s.stale_after_seconds, ?) as stale_seconds
         from device_health h left join telemetry_settings s using (tenant_id)
         where h.state <> 'unknown' and h.last_sample_at < now() - make_interval(secs => coalesce(s.stale_after_seconds, ?))
         order by h.device_id
         for update of h
       )
       update device_health h
       set state = 'unknown', since = h.last_sample_at + make_interval(secs => e.stale_seconds),
           reason = format('No samples in the last %s s', e.stale_seconds), updated_at = now()
       from expired e where h.device_id = e.device_id
       returning h.tenant_id as "tenantId", h.device_id as "deviceId", e.previous, h.since as at, h.reason`,
      [DEFAULT_TELEMETRY_SETTINGS.staleAfterSeconds, DEFAULT_TELEMETRY_SETTINGS.staleAfterSeconds],
    );
    const byTenant = groupByTenant(stale);
    for (const [tenantId, changes] of byTenant) await recordHealthChanges(em, tenantId, changes);
    return byTenant;
  });
  return rows;
}

function groupByTenant(rows: readonly StaleRow[]): Map<string, HealthChange[]> {
  const byTenant = new Map<string, HealthChange[]>();
  for (const row of rows) {
    const change: HealthChange = { deviceId: row.deviceId, previous: row.previous, current: HealthState.UNKNOWN, at: new Date(row.at), reason: row.reason };
    byTenant.set(row.tenantId, [...(byTenant.get(row.tenantId) ?? []), change]);
  }
  return byTenant;
}
