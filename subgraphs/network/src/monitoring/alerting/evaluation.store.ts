import { executeBound, type EntityManager } from '@dotmac/kernel';
import type { AlertMetric, AlertOperator, AlertSeverity } from './alerting-enums.js';
import { DEFAULT_FLAP_MAX_CHANGES, DEFAULT_FLAP_WINDOW_SECONDS } from './alerting-settings.entity.js';
import { INITIAL_STATE, type EvaluationState, type FlapPolicy, type RuleCondition } from './evaluator.js';

/** One sample reduced to what evaluation needs; `atMs` is epoch milliseconds. */
export interface EvaluableSample {
  deviceId: string;
  metric: string;
  value: number;
  atMs: number;
}

/** A rule × device pair the batch touches: the rule, the stored state, and the pair's samples. */
export interface EvaluationPair {
  ruleId: string;
  deviceId: string;
  ruleName: string;
  metric: AlertMetric;
  severity: AlertSeverity;
  rule: RuleCondition;
  state: EvaluationState;
  samples: { value: number; at: number }[];
}

interface PairRow {
  rule_id: string;
  device_id: string;
  name: string;
  metric: AlertMetric;
  severity: AlertSeverity;
  operator: AlertOperator;
  threshold: number;
  consecutive_violations: number;
  cooldown_seconds: number;
  violating: boolean | null;
  streak: number | null;
  incident_open: boolean | null;
  flapping: boolean | null;
  changes_ms: string[] | null;
  resolved_at_ms: string | null;
  last_at_ms: string | null;
  last_value: number | null;
  samples: [number, number][];
}

const number = (text: string | null) => (text === null ? null : Number(text));

/**
 * Serialises evaluation within one ISP for the rest of the transaction (state is read, advanced
 * and written back) and reads the ISP's flap policy, in one statement.
 */
export async function lockAndReadFlapPolicy(em: EntityManager, tenantId: string): Promise<FlapPolicy> {
  const [row] = await executeBound<{ flap_max_changes: number | null; flap_window_seconds: number | null }>(
    em,
    `select pg_advisory_xact_lock(hashtext(?)) as locked, s.flap_max_changes, s.flap_window_seconds
     from (select 1) as one left join "alerting_settings" s on s.tenant_id = ?`,
    [`alerting:${tenantId}`, tenantId],
  );
  return { maxChanges: row?.flap_max_changes ?? DEFAULT_FLAP_MAX_CHANGES, windowSeconds: row?.flap_window_seconds ?? DEFAULT_FLAP_WINDOW_SECONDS };
}

/**
 * Every enabled rule × device pair the samples touch, with its stored state and its samples, in
 * one statement: samples join their devices (of this ISP), rules on metric and scope, and states.
 */
export async function loadEvaluationPairs(em: EntityManager, tenantId: string, samples: readonly EvaluableSample[]): Promise<EvaluationPair[]> {
  if (samples.length === 0) return [];
  const rows = await executeBound<PairRow>(
    em,
    `with s as (select * from jsonb_to_recordset(?::jsonb) as s(device_id uuid, metric text, value float8, at_ms bigint))
     select r.id as rule_id, d.id as device_id, r.name, r.metric, r.severity, r.operator, r.threshold, r.consecutive_violations, r.cooldown_seconds,
            e.violating, e.streak, e.incident_open, e.flapping, e.changes_ms, e.resolved_at_ms, e.last_at_ms, e.last_value,
            json_agg(json_build_array(s.value, s.at_ms) order by s.at_ms) as samples
     from s
     join "device" d on d.id = s.device_id and d.tenant_id = ?
     join "alert_rule" r on r.tenant_id = ? and r.enabled and r.metric = s.metric and (
          r.scope_kind = 'all_devices'
       or (r.scope_kind = 'device_kind' and r.scope_device_kind = d.kind)
       or (r.scope_kind = 'site' and r.scope_site_id = d.site_id)
       or (r.scope_kind = 'device' and r.scope_device_id = d.id))
     left join "alert_evaluation" e on e.rule_id = r.id and e.device_id = d.id
     group by r.id, d.id, e.rule_id, e.device_id`,
    [JSON.stringify(samples.map((sample) => ({ device_id: sample.deviceId, metric: sample.metric, value: sample.value, at_ms: sample.atMs }))), tenantId, tenantId],
  );
  return rows.map((row) => ({
    ruleId: row.rule_id,
    deviceId: row.device_id,
    ruleName: row.name,
    metric: row.metric,
    severity: row.severity,
    rule: { operator: row.operator, threshold: row.threshold, consecutiveViolations: row.consecutive_violations, cooldownSeconds: row.cooldown_seconds },
    state:
      row.violating === null
        ? INITIAL_STATE
        : {
            violating: row.violating,
            streak: row.streak!,
            incidentOpen: row.incident_open!,
            flapping: row.flapping!,
            changes: (row.changes_ms ?? []).map(Number),
            resolvedAt: number(row.resolved_at_ms),
            lastAt: number(row.last_at_ms),
            lastValue: row.last_value,
          },
    samples: row.samples.map(([value, at]) => ({ value, at: Number(at) })),
  }));
}

/** Writes the pairs' new states back with one upsert. */
export async function saveEvaluationStates(em: EntityManager, tenantId: string, pairs: readonly { ruleId: string; deviceId: string; state: EvaluationState }[]): Promise<void> {
  if (pairs.length === 0) return;
  const rows = pairs.map(({ ruleId, deviceId, state }) => ({
    rule_id: ruleId,
    device_id: deviceId,
    tenant_id: tenantId,
    violating: state.violating,
    streak: state.streak,
    incident_open: state.incidentOpen,
    flapping: state.flapping,
    changes_ms: state.changes,
    resolved_at_ms: state.resolvedAt,
    last_at_ms: state.lastAt,
    last_value: state.lastValue,
  }));
  const columns = Object.keys(rows[0]!).map((column) => `"${column}"`).join(', ');
  await executeBound(
    em,
    `insert into "alert_evaluation" (${columns}) select ${columns} from jsonb_populate_recordset(null::"alert_evaluation", ?::jsonb)
     on conflict ("rule_id", "device_id") do update set "violating" = excluded."violating", "streak" = excluded."streak",
       "incident_open" = excluded."incident_open", "flapping" = excluded."flapping", "changes_ms" = excluded."changes_ms",
       "resolved_at_ms" = excluded."resolved_at_ms", "last_at_ms" = excluded."last_at_ms", "last_value" = excluded."last_value"`,
    [JSON.stringify(rows)],
  );
}
