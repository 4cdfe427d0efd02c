import { randomUUID } from 'node:crypto';
import { executeBound, type EntityManager } from '@dotmac/kernel';
import { IncidentEventKind, IncidentSource, IncidentState, SEVERITY_RANK, type AlertSeverity } from './alerting-enums.js';
import { announceIncidents } from './incident-notifications.js';
import { announced, INCIDENT_ROW_COLUMNS, type IncidentRow } from './incident-row.js';
import { appendTimeline, type TimelineEntry } from './incident-timeline.js';
import { nearestDownAncestors } from './suppression.js';

export interface NewIncident {
  source: IncidentSource;
  ruleId?: string | null;
  sourceKey?: string | null;
  deviceId: string;
  title: string;
  metric?: string | null;
  severity: AlertSeverity;
  value?: number | null;
  message?: string | null;
  at: Date;
  details?: Record<string, unknown>;
}

/**
 * Opens incidents in bulk: one insert (an already active incident for the same rule or agent key
 * is left as it is), one suppression lookup, the timeline, and `opened` events for those whose
 * upstream devices are all up. Those with a down ancestor are recorded SUPPRESSED and not announced.
 */
export async function openIncidents(em: EntityManager, tenantId: string, incidents: readonly NewIncident[]): Promise<IncidentRow[]> {
  if (incidents.length === 0) return [];
  const rows = incidents.map((incident) => ({
    id: randomUUID(),
    tenant_id: tenantId,
    source: incident.source,
    rule_id: incident.ruleId ?? null,
    source_key: incident.sourceKey ?? null,
    device_id: incident.deviceId,
    title: incident.title,
    metric: incident.metric ?? null,
    severity: incident.severity,
    severity_rank: SEVERITY_RANK[incident.severity],
    state: IncidentState.OPEN,
    suppressed: false,
    suppressed_by_device_id: null,
    flapping: false,
    last_value: incident.value ?? null,
    message: incident.message ?? null,
    opened_at: incident.at.toISOString(),
    updated_at: new Date().toISOString(),
  }));
  const columns = Object.keys(rows[0]!).map((column) => `"${column}"`).join(', ');
  const inserted = await executeBound<IncidentRow>(
    em,
    `insert into "incident" (${columns}) select ${columns} from jsonb_populate_recordset(null::"incident", ?::jsonb)
     on conflict do nothing returning ${INCIDENT_ROW_COLUMNS}`,
    [JSON.stringify(rows)],
  );
  if (inserted.length === 0) return [];
  const down = await nearestDownAncestors(em, inserted.map((row) => row.device_id));
  const suppressed = inserted.filter((row) => down.has(row.device_id));
  if (suppressed.length) {
    await executeBound(
      em,
      `update "incident" set "suppressed" = true, "suppressed_by_device_id" = x.cause from jsonb_to_recordset(?::jsonb) as x(id uuid, cause uuid) where "incident"."id" = x.id`,
      [JSON.stringify(suppressed.map((row) => ({ id: row.id, cause: down.get(row.device_id) })))],
    );
    for (const row of suppressed) row.suppressed = true;
  }
  const byId = new Map<string, NewIncident>(rows.map((row, index) => [row.id, incidents[index]!]));
  const timeline: TimelineEntry[] = inserted.flatMap((row) => {
    const source = byId.get(row.id)!;
    const opened: TimelineEntry = { incidentId: row.id, kind: IncidentEventKind.OPENED, at: source.at, message: source.message ?? null, details: { value: source.value ?? null, ...source.details } };
    if (!row.suppressed) return [opened];
    const cause = down.get(row.device_id)!;
    return [opened, { incidentId: row.id, kind: IncidentEventKind.SUPPRESSED, at: source.at, causeDeviceId: cause, message: 'An upstream device is down' }];
  });
  await appendTimeline(em, tenantId, timeline);
  const at = incidents[0]!.at;
  await announceIncidents(em, tenantId, 'opened', inserted.filter((row) => !row.suppressed).map(announced), at);
  return inserted;
}
