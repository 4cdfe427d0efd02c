import { executeBound, type Database } from '@dotmac/kernel';
import { DEFAULT_TELEMETRY_SETTINGS } from '../settings/telemetry-settings.js';

/**
 * Deletes each ISP's samples older than its retention, in batches of `batchSize` rows per
 * transaction so a large purge never holds long locks or one huge transaction. Returns the number
 * of rows deleted per tenant (tenants with nothing to delete are left out).
 */
export async function purgeExpiredSamples(db: Database, batchSize: number, now = new Date()): Promise<Map<string, number>> {
  const tenants = await db.asPlatform((em) =>
    executeBound<{ tenantId: string; retentionDays: number }>(
      em,
      `select h.tenant_id as "tenantId", coalesce(s.retention_days, ?) as "retentionDays"
       from (select distinct tenant_id from device_health) h left join telemetry_settings s using (tenant_id)`,
      [DEFAULT_TELEMETRY_SETTINGS.retentionDays],
    ),
  );
  const deleted = new Map<string, number>();
  for (const { tenantId, retentionDays } of tenants) {
    const cutoff = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
    let total = 0;
    for (;;) {
      const rows = await db.inTenant(tenantId, (em) =>
        executeBound<{ count: string }>(
          em,
          `with gone as (
             delete from health_sample where ctid = any(array(select ctid from health_sample where tenant_id = ? and at < ? limit ?))
             returning 1)
           select count(*) from gone`,
          [tenantId, cutoff, batchSize],
        ),
      );
      const count = Number(rows[0]?.count ?? 0);
      total += count;
      if (count < batchSize) break;
    }
    if (total > 0) deleted.set(tenantId, total);
  }
  return deleted;
}
