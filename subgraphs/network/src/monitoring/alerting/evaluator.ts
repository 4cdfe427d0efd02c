import { AlertOperator } from './alerting-enums.js';

/** What of a rule the evaluator needs. */
export interface RuleCondition {
  operator: AlertOperator;
  threshold: number;
  /** Samples in a row that must violate before an incident opens (and recover before it resolves). */
  consecutiveViolations: number;
  /** After an incident resolves, the same rule and device do not open another one within this time. */
  cooldownSeconds: number;
}

/** A rule and device flap when their condition changes more than `maxChanges` times within `windowSeconds`. */
export interface FlapPolicy {
  maxChanges: number;
  windowSeconds: number;
}

/** Where one rule stands for one device, between samples. Times are epoch milliseconds. */
export interface EvaluationState {
  /** The debounced condition: set after enough violations in a row, cleared after as many recoveries. */
  violating: boolean;
  /** Samples in a row that disagree with `violating` (violations while clear, recoveries while violating). */
  streak: number;
  incidentOpen: boolean;
  flapping: boolean;
  /** When the condition changed within the last flap window, oldest first. */
  changes: number[];
  /** When the last incident of this rule and device resolved, for the cooldown. */
  resolvedAt: number | null;
  lastAt: number | null;
  lastValue: number | null;
}

export type EvaluationAction =
  | { kind: 'open'; at: number; value: number; consecutive: number }
  | { kind: 'resolve'; at: number; value: number }
  | { kind: 'held_by_cooldown'; at: number; until: number }
  | { kind: 'flapping_started'; at: number; changes: number }
  | { kind: 'flapping_ended'; at: number };

export const INITIAL_STATE: EvaluationState = Object.freeze({
  violating: false,
  streak: 0,
  incidentOpen: false,
  flapping: false,
  changes: [],
  resolvedAt: null,
  lastAt: null,
  lastValue: null,
}) as EvaluationState;

/** Whether one value violates the rule (`value <operator> threshold`). */
export function violates(value: number, operator: AlertOperator, threshold: number): boolean {
  switch (operator) {
    case AlertOperator.GT:
      return value > threshold;
    case AlertOperator.GTE:
      return value >= threshold;
    case AlertOperator.LT:
      return value < threshold;
    case AlertOperator.LTE:
      return value <= threshold;
    case AlertOperator.EQ:
      return value === threshold;
    case AlertOperator.NEQ:
      return value !== threshold;
  }
}

/**
 * Advances one rule × device by one sample. A sample not newer than the last one seen changes
 * nothing (agents resend; batches overlap), which also makes replaying a batch harmless.
 *
 * The incident follows the debounced condition, with two exceptions: a cooldown holds back an
 * opening shortly after a resolution, and while the pair is flapping its incident stays open
 * instead of closing and reopening; flapping ends after a whole window without a change.
 */
export function evaluateSample(state: EvaluationState, sample: { value: number; at: number }, rule: RuleCondition, flap: FlapPolicy): { state: EvaluationState; actions: EvaluationAction[] } {
  const { value, at } = sample;
  if (state.lastAt !== null && at <= state.lastAt) return { state, actions: [] };
  const actions: EvaluationAction[] = [];
  const windowMs = flap.windowSeconds * 1000;
  let { violating, streak, incidentOpen, flapping, resolvedAt } = state;
  let changes = state.changes.filter((time) => at - time < windowMs);

  let changed = false;
  if (violates(value, rule.operator, rule.threshold) === violating) streak = 0;
  else if (++streak >= rule.consecutiveViolations) {
    violating = !violating;
    streak = 0;
    changes = [...changes, at];
    changed = true;
  }

  if (changed && !flapping && changes.length > flap.maxChanges) {
    flapping = true;
    actions.push({ kind: 'flapping_started', at, changes: changes.length });
  } else if (flapping && changes.length === 0) {
    flapping = false;
    actions.push({ kind: 'flapping_ended', at });
  }

  const wantsIncident = violating || (flapping && incidentOpen);
  if (wantsIncident && !incidentOpen) {
    const until = resolvedAt === null ? null : resolvedAt + rule.cooldownSeconds * 1000;
    if (until !== null && at < until) {
      if (changed) actions.push({ kind: 'held_by_cooldown', at, until });
    } else {
      incidentOpen = true;
      actions.push({ kind: 'open', at, value, consecutive: rule.consecutiveViolations });
    }
  } else if (!wantsIncident && incidentOpen) {
    incidentOpen = false;
    resolvedAt = at;
    actions.push({ kind: 'resolve', at, value });
  }

  return { state: { violating, streak, incidentOpen, flapping, changes, resolvedAt, lastAt: at, lastValue: value }, actions };
}

/** Runs a pair's samples (any order) through the evaluator, oldest first. */
export function evaluateSeries(state: EvaluationState, samples: readonly { value: number; at: number }[], rule: RuleCondition, flap: FlapPolicy) {
  const actions: EvaluationAction[] = [];
  let current = state;
  for (const sample of [...samples].sort((a, b) => a.at - b.at)) {
    const step = evaluateSample(current, sample, rule, flap);
    current = step.state;
    actions.push(...step.actions);
  }
  return { state: current, actions };
}

/** The state after someone resolves the incident by hand: the rule starts counting afresh, and the cooldown runs. */
export function stateAfterManualResolution(state: EvaluationState, at: number): EvaluationState {
  return { ...state, violating: false, streak: 0, incidentOpen: false, flapping: false, changes: [], resolvedAt: at };
}
