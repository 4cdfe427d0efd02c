import { executeBound, lockKey, type EntityManager } from '@dotmac/kernel';
import { uuidArray } from '@dotmac/kernel';
import { IncidentSource } from './alerting-enums.js';
import type { AgentReport, ItemError } from './agent-report.rules.js';
import { openIncidents } from './incident-opening.js';
import { resolveIncidentsWhere } from './incident-resolution.js';

export type ReportKind = 'alert' | 'health_check';

const SOURCE: Record<ReportKind, IncidentSource> = { alert: IncidentSource.AGENT_ALERT, health_check: IncidentSource.HEALTH_CHECK };

export interface ReportOutcome {
  accepted: number;
  duplicates: number;
  results: { index: number; status: 'accepted' | 'duplicate' }[];
}

/** NOT_FOUND for every item whose device is not this ISP's (one statement for the whole report). */
export async function unknownDevices(em: EntityManager, reports: readonly AgentReport[], path: string): Promise<ItemError[]> {
  const ids = [...new Set(reports.map((report) => report.deviceId))];
  const found = await executeBound<{ id: string }>(em, 'select id from device where id = any(?::uuid[])', [uuidArray(ids)]);
  const known = new Set(found.map((row) => row.id));
  return reports
    .filter((report) => !known.has(report.deviceId))
    .map((report) => ({ index: report.index, field: `${path}.${report.index}.deviceId`, code: 'NOT_FOUND' as const, message: 'Device not found' }));
}

/** Items whose idempotency key was seen before (in an earlier report or earlier in this one). */
async function claimKeys(em: EntityManager, tenantId: string, kind: ReportKind, reports: readonly AgentReport[]): Promise<Set<number>> {
  const duplicates = new Set<number>();
  const firstByKey = new Map<string, number>();
  for (const report of reports) {
    if (!report.idempotencyKey) continue;
    if (firstByKey.has(report.idempotencyKey)) duplicates.add(report.index);
    else firstByKey.set(report.idempotencyKey, report.index);
  }
  if (firstByKey.size === 0) return duplicates;
  const claimed = await executeBound<{ idempotency_key: string }>(
    em,
    `insert into "monitoring_receipt" ("tenant_id", "kind", "idempotency_key", "received_at")
     select ?, ?, key, now() from unnest(?::text[]) as key on conflict do nothing returning "idempotency_key"`,
    [tenantId, kind, [...firstByKey.keys()]],
  );
  const fresh = new Set(claimed.map((row) => row.idempotency_key));
  for (const [key, index] of firstByKey) if (!fresh.has(key)) duplicates.add(index);
  return duplicates;
}

/**
 * Applies validated agent reports in one transaction: the latest report per device and key says
 * whether its incident is open (firing, warning, critical) or resolved (resolved, ok). Opening goes
 * through the same suppression as rule incidents; one insert and one update for the whole report.
 */
export async function applyAgentReports(em: EntityManager, tenantId: string, kind: ReportKind, reports: readonly AgentReport[]): Promise<ReportOutcome> {
  await lockKey(em, `alerting:${tenantId}`);
  const duplicates = await claimKeys(em, tenantId, kind, reports);
  const fresh = reports.filter((report) => !duplicates.has(report.index));
  const latest = new Map<string, AgentReport>();
  for (const report of [...fresh].sort((a, b) => a.at.getTime() - b.at.getTime())) latest.set(`${report.deviceId}/${report.key}`, report);
  const source = SOURCE[kind];
  const clearing = [...latest.values()].filter((report) => !report.firing);
  if (clearing.length) {
    await resolveIncidentsWhere(
      em,
      tenantId,
      {
        from: 'jsonb_to_recordset(?::jsonb) as x(device_id uuid, source_key text, at timestamptz)',
        where: `i."source" = ? and i."device_id" = x.device_id and i."source_key" = x.source_key`,
        params: [JSON.stringify(clearing.map((report) => ({ device_id: report.deviceId, source_key: report.key, at: report.at.toISOString() }))), source],
        resolvedAt: 'x.at',
      },
      { at: new Date(), resolution: 'agent', message: 'The agent reported it cleared', resetEvaluation: false },
    );
  }
  const raising = [...latest.values()].filter((report) => report.firing);
  await openIncidents(
    em,
    tenantId,
    raising.map((report) => ({ source, sourceKey: report.key, deviceId: report.deviceId, title: report.title, severity: report.severity, value: report.value, message: report.message, at: report.at })),
  );
  return {
    accepted: reports.length - duplicates.size,
    duplicates: duplicates.size,
    results: reports.map((report) => ({ index: report.index, status: duplicates.has(report.index) ? 'duplicate' : 'accepted' })),
  };
}
