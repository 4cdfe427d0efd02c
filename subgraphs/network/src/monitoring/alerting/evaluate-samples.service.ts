import type { Database, EntityManager } from '@dotmac/kernel';
import { ALERT_METRICS, IncidentEventKind, IncidentSource } from './alerting-enums.js';
import { loadEvaluationPairs, lockAndReadFlapPolicy, saveEvaluationStates, type EvaluableSample, type EvaluationPair } from './evaluation.store.js';
import { evaluateSeries, type EvaluationAction } from './evaluator.js';
import { setFlapping } from './incident-flapping.js';
import { openIncidents, type NewIncident } from './incident-opening.js';
import { resolveIncidentsWhere } from './incident-resolution.js';

/** A telemetry sample as the ingestion path hands it over (device ids are raw ids). */
export interface TelemetrySample {
  deviceId: string;
  metric: string;
  value: number;
  at: Date | string | number;
  labels?: Record<string, string> | null;
}

export interface EvaluationSummary {
  samples: number;
  pairs: number;
  opened: number;
  resolved: number;
  heldByCooldown: number;
  flappingStarted: number;
  flappingEnded: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Samples alerting can use: a known metric, a finite value, a valid time and device id; the rest is ignored. */
function evaluable(samples: readonly TelemetrySample[]): EvaluableSample[] {
  const usable: EvaluableSample[] = [];
  for (const sample of samples) {
    const atMs = sample.at instanceof Date ? sample.at.getTime() : new Date(sample.at).getTime();
    if (!ALERT_METRICS.has(sample.metric) || !Number.isFinite(sample.value) || !Number.isFinite(atMs) || !UUID.test(sample.deviceId)) continue;
    usable.push({ deviceId: sample.deviceId, metric: sample.metric, value: sample.value, atMs });
  }
  return usable;
}

const describe = (pair: EvaluationPair, action: Extract<EvaluationAction, { kind: 'open' }>) =>
  `${pair.metric} ${action.value} ${pair.rule.operator} ${pair.rule.threshold} for ${action.consecutive} sample(s) in a row`;

/**
 * Evaluates a batch of one ISP's samples against its enabled rules, inside the caller's
 * transaction (tenant scope). The cost is a handful of statements per batch whatever its size:
 * lock and policy, pairs with state, one upsert of the new states; incident work only when
 * something changed, in bulk, one round per action a single pair took in this batch.
 */
export async function evaluateSamplesIn(em: EntityManager, tenantId: string, samples: readonly TelemetrySample[]): Promise<EvaluationSummary> {
  const usable = evaluable(samples);
  const summary: EvaluationSummary = { samples: usable.length, pairs: 0, opened: 0, resolved: 0, heldByCooldown: 0, flappingStarted: 0, flappingEnded: 0 };
  if (usable.length === 0) return summary;
  const flap = await lockAndReadFlapPolicy(em, tenantId);
  const pairs = await loadEvaluationPairs(em, tenantId, usable);
  summary.pairs = pairs.length;
  const outcomes = pairs.map((pair) => ({ pair, ...evaluateSeries(pair.state, pair.samples, pair.rule, flap) }));
  await saveEvaluationStates(em, tenantId, outcomes.map(({ pair, state }) => ({ ruleId: pair.ruleId, deviceId: pair.deviceId, state })));

  const rounds = Math.max(0, ...outcomes.map((outcome) => outcome.actions.length));
  for (let round = 0; round < rounds; round++) {
    const step = outcomes.flatMap(({ pair, actions }) => (actions[round] ? [{ pair, action: actions[round]! }] : []));
    const of = <K extends EvaluationAction['kind']>(kind: K) => step.filter((entry) => entry.action.kind === kind) as { pair: EvaluationPair; action: Extract<EvaluationAction, { kind: K }> }[];
    summary.heldByCooldown += of('held_by_cooldown').length;

    const resolves = of('resolve');
    if (resolves.length) {
      const keys = JSON.stringify(resolves.map(({ pair, action }) => ({ rule_id: pair.ruleId, device_id: pair.deviceId, at_ms: action.at })));
      const resolved = await resolveIncidentsWhere(
        em,
        tenantId,
        {
          from: 'jsonb_to_recordset(?::jsonb) as x(rule_id uuid, device_id uuid, at_ms bigint)',
          where: `i."source" = 'rule' and i."rule_id" = x.rule_id and i."device_id" = x.device_id`,
          params: [keys],
          resolvedAt: 'to_timestamp(x.at_ms / 1000.0)',
        },
        { at: new Date(Math.max(...resolves.map(({ action }) => action.at))), resolution: 'auto', message: 'The metric recovered', resetEvaluation: false },
      );
      summary.resolved += resolved.length;
    }

    const opens = of('open').map(({ pair, action }): NewIncident => ({
      source: IncidentSource.RULE,
      ruleId: pair.ruleId,
      deviceId: pair.deviceId,
      title: pair.ruleName,
      metric: pair.metric,
      severity: pair.severity,
      value: action.value,
      message: describe(pair, action),
      at: new Date(action.at),
      details: { consecutive: action.consecutive, threshold: pair.rule.threshold, operator: pair.rule.operator },
    }));
    summary.opened += (await openIncidents(em, tenantId, opens)).length;

    for (const [kind, flapping] of [['flapping_started', true], ['flapping_ended', false]] as const) {
      const changed = of(kind);
      if (changed.length === 0) continue;
      const marked = await setFlapping(em, tenantId, changed.map(({ pair, action }) => ({ ruleId: pair.ruleId, deviceId: pair.deviceId, at: action.at })), flapping, flapping ? IncidentEventKind.FLAPPING_STARTED : IncidentEventKind.FLAPPING_ENDED);
      if (flapping) summary.flappingStarted += marked;
      else summary.flappingEnded += marked;
    }
  }
  return summary;
}

/** Evaluates a batch in its own transaction in the ISP's scope: what the telemetry hook calls. */
export function evaluateSamples(db: Database, tenantId: string, samples: readonly TelemetrySample[]): Promise<EvaluationSummary> {
  return db.inTenant(tenantId, (em) => evaluateSamplesIn(em, tenantId, samples));
}
