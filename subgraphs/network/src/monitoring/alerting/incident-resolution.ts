import { executeBound, type EntityManager, type Viewer } from '@dotmac/kernel';
import { uuidArray } from '@dotmac/kernel';
import { IncidentEventKind } from './alerting-enums.js';
import { announceIncidents } from './incident-notifications.js';
import { announced, INCIDENT_ROW_COLUMNS, isDownIncident, type IncidentRow } from './incident-row.js';
import { appendTimeline } from './incident-timeline.js';
import { nearestDownAncestors } from './suppression.js';

export interface Resolution {
  at: Date;
  resolution: 'auto' | 'user' | 'agent';
  actor?: Pick<Viewer, 'kind' | 'id'>;
  message?: string | null;
  /** Whether the rules' evaluation starts afresh (a resolution the evaluator did not decide itself). */
  resetEvaluation: boolean;
}

/** Which unresolved incidents to resolve: SQL over "incident" as `i`, optionally joined `from` a recordset with a per-row time. */
export interface IncidentMatch {
  from?: string;
  where: string;
  params: readonly unknown[];
  /** A timestamptz expression over `from` for each row's resolution time; `Resolution.at` otherwise. */
  resolvedAt?: string;
}

/**
 * Resolves the matching unresolved incidents in one statement, then writes their timeline,
 * announces those that were announced when they opened, and releases the children of devices that
 * are up again.
 */
export async function resolveIncidentsWhere(em: EntityManager, tenantId: string, match: IncidentMatch, resolution: Resolution): Promise<IncidentRow[]> {
  const rows = await executeBound<IncidentRow & { resolved_at: Date }>(
    em,
    `update "incident" i set "state" = 'resolved', "resolved_at" = ${match.resolvedAt ?? '?::timestamptz'}, "resolution" = ?, "resolved_by" = ?, "flapping" = false, "updated_at" = now()
     from ${match.from ?? '(select 1) as one'}
     where i."state" <> 'resolved' and (${match.where}) returning ${INCIDENT_ROW_COLUMNS.split(', ').map((column) => `i.${column}`).join(', ')}, i."resolved_at"`,
    [...(match.resolvedAt ? [] : [resolution.at.toISOString()]), resolution.resolution, resolution.actor?.id ?? null, ...match.params],
  );
  if (rows.length === 0) return rows;
  const at = (row: { resolved_at: Date }) => new Date(row.resolved_at);
  await appendTimeline(
    em,
    tenantId,
    rows.map((row) => ({ incidentId: row.id, kind: IncidentEventKind.RESOLVED, at: at(row), actor: resolution.actor, message: resolution.message, details: { resolution: resolution.resolution } })),
  );
  await announceIncidents(em, tenantId, 'resolved', rows.filter((row) => !row.suppressed).map((row) => ({ ...announced(row), at: at(row) })), resolution.at, { resolution: resolution.resolution });
  if (resolution.resetEvaluation) await resetEvaluations(em, rows, resolution.at);
  const recovered = rows.filter(isDownIncident).map((row) => row.device_id);
  if (recovered.length) await releaseSuppressed(em, tenantId, recovered, resolution.at);
  return rows;
}

/** After a resolution the evaluator did not decide: the rule counts afresh for that device, and its cooldown runs. */
async function resetEvaluations(em: EntityManager, rows: readonly IncidentRow[], at: Date): Promise<void> {
  const pairs = rows.filter((row) => row.rule_id).map((row) => ({ rule_id: row.rule_id, device_id: row.device_id }));
  if (pairs.length === 0) return;
  await executeBound(
    em,
    `update "alert_evaluation" e set "violating" = false, "streak" = 0, "incident_open" = false, "flapping" = false, "changes_ms" = '{}', "resolved_at_ms" = ?
     from jsonb_to_recordset(?::jsonb) as x(rule_id uuid, device_id uuid) where e.rule_id = x.rule_id and e.device_id = x.device_id`,
    [at.getTime(), JSON.stringify(pairs)],
  );
}

type SuppressedRow = IncidentRow & { violating: boolean | null };

/**
 * Devices in `recoveredDeviceIds` are up again: incidents they suppressed are looked at afresh.
 * Another ancestor still down keeps one suppressed (under that cause); one whose rule has recovered
 * resolves quietly; the rest are still failing and become ordinary open incidents, announced now.
 */
export async function releaseSuppressed(em: EntityManager, tenantId: string, recoveredDeviceIds: readonly string[], at: Date): Promise<void> {
  const rows = await executeBound<SuppressedRow>(
    em,
    `select ${INCIDENT_ROW_COLUMNS.split(', ').map((column) => `i.${column}`).join(', ')}, e.violating from "incident" i
     left join "alert_evaluation" e on e.rule_id = i.rule_id and e.device_id = i.device_id
     where i.suppressed and i.state <> 'resolved' and i.suppressed_by_device_id = any(?::uuid[])`,
    [uuidArray(recoveredDeviceIds)],
  );
  if (rows.length === 0) return;
  const down = await nearestDownAncestors(em, rows.map((row) => row.device_id));
  const stillDown = rows.filter((row) => down.has(row.device_id));
  const recovered = rows.filter((row) => !down.has(row.device_id) && row.source === 'rule' && row.violating === false);
  const failing = rows.filter((row) => !down.has(row.device_id) && !recovered.includes(row));
  if (stillDown.length) {
    const causes = stillDown.map((row) => ({ id: row.id, cause: down.get(row.device_id) }));
    await executeBound(em, `update "incident" set "suppressed_by_device_id" = x.cause from jsonb_to_recordset(?::jsonb) as x(id uuid, cause uuid) where "incident"."id" = x.id`, [JSON.stringify(causes)]);
    await appendTimeline(em, tenantId, causes.map((row) => ({ incidentId: row.id, kind: IncidentEventKind.SUPPRESSED, at, causeDeviceId: row.cause, message: 'Another upstream device is down' })));
  }
  if (failing.length) {
    await executeBound(em, `update "incident" set "suppressed" = false, "suppressed_by_device_id" = null, "updated_at" = now() where "id" = any(?::uuid[])`, [uuidArray(failing.map((row) => row.id))]);
    await appendTimeline(em, tenantId, failing.map((row) => ({ incidentId: row.id, kind: IncidentEventKind.UNSUPPRESSED, at, message: 'The upstream device is up again and this device is still failing' })));
    await announceIncidents(em, tenantId, 'opened', failing.map((row) => announced({ ...row, suppressed: false })), at);
  }
  if (recovered.length) {
    await resolveIncidentsWhere(em, tenantId, { where: `i."id" = any(?::uuid[])`, params: [uuidArray(recovered.map((row) => row.id))] }, {
      at,
      resolution: 'auto',
      message: 'Recovered while the upstream device was down',
      resetEvaluation: true,
    });
  }
}
