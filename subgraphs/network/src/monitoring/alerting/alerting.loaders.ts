import DataLoader from 'dataloader';
import type { Database, Scope } from '@dotmac/kernel';
import { groupLoader, rowLoader, uuidArray } from '@dotmac/kernel';
import { AlertRule } from './alert-rule.entity.js';
import { IncidentState } from './alerting-enums.js';
import { IncidentEvent } from './incident-event.entity.js';
import { Incident } from './incident.entity.js';

/** Per-request batch loaders of alerting (one statement per field across a page). */
export function createAlertingLoaders(db: Database, scope: Scope | undefined) {
  return {
    ruleById: rowLoader(db, scope, (em, ids) => em.find(AlertRule, { id: { $in: ids } }), (row) => row.id),
    timelineByIncident: groupLoader(db, scope, (em, ids) => em.find(IncidentEvent, { incidentId: { $in: ids } }, { orderBy: { seq: 'asc' } }), (row) => row.incidentId),
    openIncidentsByDevice: groupLoader(
      db,
      scope,
      (em, ids) => em.find(Incident, { deviceId: { $in: ids }, state: { $ne: IncidentState.RESOLVED } }, { orderBy: { severityRank: 'asc', openedAt: 'desc', id: 'asc' } }),
      (row) => row.deviceId,
    ),
    openIncidentCountByTenant: new DataLoader<string, number>(async (tenantIds) => {
      if (!scope) return tenantIds.map(() => 0);
      const rows = await db.run(scope, (em) =>
        em.execute<{ tenant_id: string; count: string }[]>(
          `select tenant_id, count(*)::text as count from incident where tenant_id = any(?::uuid[]) and state <> 'resolved' group by tenant_id`,
          [uuidArray(tenantIds)],
        ),
      );
      const counts = new Map(rows.map((row) => [row.tenant_id, Number(row.count)]));
      return tenantIds.map((id) => counts.get(id) ?? 0);
    }),
  };
}

export type AlertingLoaders = ReturnType<typeof createAlertingLoaders>;
