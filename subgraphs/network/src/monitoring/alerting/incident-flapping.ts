import { executeBound, type EntityManager } from '@dotmac/kernel';
import type { IncidentEventKind } from './alerting-enums.js';
import { appendTimeline } from './incident-timeline.js';

/**
 * Marks (or clears) the flapping flag on the unresolved incidents of these rule × device pairs, with
 * a timeline entry each; returns how many incidents changed. A pair without an incident has nothing to mark.
 */
export async function setFlapping(em: EntityManager, tenantId: string, pairs: readonly { ruleId: string; deviceId: string; at: number }[], flapping: boolean, kind: IncidentEventKind): Promise<number> {
  const rows = await executeBound<{ id: string; at_ms: string }>(
    em,
    `update "incident" i set "flapping" = ?, "updated_at" = now()
     from jsonb_to_recordset(?::jsonb) as x(rule_id uuid, device_id uuid, at_ms bigint)
     where i.source = 'rule' and i.state <> 'resolved' and i.rule_id = x.rule_id and i.device_id = x.device_id and i.flapping <> ?
     returning i.id, x.at_ms`,
    [flapping, JSON.stringify(pairs.map((pair) => ({ rule_id: pair.ruleId, device_id: pair.deviceId, at_ms: pair.at }))), flapping],
  );
  await appendTimeline(
    em,
    tenantId,
    rows.map((row) => ({
      incidentId: row.id,
      kind,
      at: new Date(Number(row.at_ms)),
      message: flapping ? 'The condition keeps changing: the incident stays open until it settles' : 'The condition has settled',
    })),
  );
  return rows.length;
}
