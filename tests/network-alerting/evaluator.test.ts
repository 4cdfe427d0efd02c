import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AlertOperator } from '@dotmac/network/monitoring/alerting/alerting-enums';
import { evaluateSeries, INITIAL_STATE, stateAfterManualResolution, violates, type EvaluationAction, type FlapPolicy, type RuleCondition } from '@dotmac/network/monitoring/alerting/evaluator';

const NO_FLAPPING: FlapPolicy = { maxChanges: 1_000_000, windowSeconds: 1800 };
const rule = (overrides: Partial<RuleCondition> = {}): RuleCondition => ({ operator: AlertOperator.GT, threshold: 100, consecutiveViolations: 3, cooldownSeconds: 0, ...overrides });
/** Samples one minute apart from t = 1 min. */
const series = (values: number[], from = 1) => values.map((value, i) => ({ value, at: (from + i) * 60_000 }));
const kinds = (actions: EvaluationAction[]) => actions.map((action) => action.kind);

describe('alert evaluator', () => {
  it('compares with every operator', () => {
    expect([AlertOperator.GT, AlertOperator.GTE, AlertOperator.LT, AlertOperator.LTE, AlertOperator.EQ, AlertOperator.NEQ].map((op) => violates(5, op, 5))).toEqual([false, true, false, true, true, false]);
    expect(violates(6, AlertOperator.GT, 5)).toBe(true);
    expect(violates(0, AlertOperator.LT, 1)).toBe(true);
  });

  it('opens only after the required violations in a row, and an ok sample restarts the count', () => {
    const twoThenOk = evaluateSeries(INITIAL_STATE, series([150, 150, 50, 150, 150]), rule(), NO_FLAPPING);
    expect(twoThenOk.actions).toEqual([]);
    expect(twoThenOk.state.streak).toBe(2);
    const three = evaluateSeries(INITIAL_STATE, series([150, 150, 150]), rule(), NO_FLAPPING);
    expect(three.actions).toEqual([{ kind: 'open', at: 180_000, value: 150, consecutive: 3 }]);
  });

  it('auto-resolves after as many recoveries in a row', () => {
    const result = evaluateSeries(INITIAL_STATE, series([150, 150, 150, 50, 50, 150, 50, 50, 50]), rule(), NO_FLAPPING);
    expect(kinds(result.actions)).toEqual(['open', 'resolve']);
    expect(result.actions[1]).toMatchObject({ at: 9 * 60_000 });
    expect(result.state).toMatchObject({ violating: false, incidentOpen: false, resolvedAt: 9 * 60_000 });
  });

  it('holds back a reopening within the cooldown, and opens once it has passed', () => {
    const cooled = rule({ consecutiveViolations: 1, cooldownSeconds: 300 });
    const result = evaluateSeries(INITIAL_STATE, series([150, 50, 150, 150, 150, 150, 150, 150]), cooled, NO_FLAPPING);
    // resolved at 2 min; violations at 3..6 min are within 5 min of it; 7 min is the first at or after the cooldown.
    expect(result.actions.map((action) => [action.kind, action.at / 60_000])).toEqual([['open', 1], ['resolve', 2], ['held_by_cooldown', 3], ['open', 7]]);
  });

  it('ignores samples not newer than the last one (resent or overlapping batches)', () => {
    const first = evaluateSeries(INITIAL_STATE, series([150, 150, 150]), rule(), NO_FLAPPING);
    const again = evaluateSeries(first.state, series([50, 50, 50]), rule(), NO_FLAPPING);
    expect(again.actions).toEqual([]);
    expect(again.state).toEqual(first.state);
  });

  it('keeps a flapping incident open instead of closing and reopening, and lets it settle after a quiet window', () => {
    const flap: FlapPolicy = { maxChanges: 3, windowSeconds: 600 };
    const flappy = rule({ consecutiveViolations: 1 });
    const result = evaluateSeries(INITIAL_STATE, series([150, 50, 150, 50, 150, 50]), flappy, flap);
    // open, resolve, open, then the 4th change within 10 min starts flapping and the incident stays open
    expect(kinds(result.actions)).toEqual(['open', 'resolve', 'open', 'flapping_started']);
    expect(result.state).toMatchObject({ flapping: true, incidentOpen: true, violating: false });
    const quiet = evaluateSeries(result.state, series([50, 50], 17), flappy, flap);
    expect(kinds(quiet.actions)).toEqual(['flapping_ended', 'resolve']);
    expect(quiet.state).toMatchObject({ flapping: false, incidentOpen: false });
  });

  it('starts afresh after a manual resolution', () => {
    const open = evaluateSeries(INITIAL_STATE, series([150, 150, 150]), rule(), NO_FLAPPING);
    const reset = stateAfterManualResolution(open.state, 4 * 60_000);
    const after = evaluateSeries(reset, series([150, 150, 150], 5), rule(), NO_FLAPPING);
    expect(kinds(after.actions)).toEqual(['open']);
    expect(after.actions[0]!.at).toBe(7 * 60_000);
  });

  const arbitraryRule = fc.record({
    operator: fc.constantFrom(...Object.values(AlertOperator)),
    threshold: fc.integer({ min: -5, max: 5 }),
    consecutiveViolations: fc.integer({ min: 1, max: 4 }),
    cooldownSeconds: fc.constantFrom(0, 60, 600),
  });
  const arbitraryValues = fc.array(fc.integer({ min: -6, max: 6 }), { maxLength: 60 });
  const arbitraryFlap = fc.record({ maxChanges: fc.integer({ min: 2, max: 6 }), windowSeconds: fc.constantFrom(120, 600, 1800) });

  it('property: opens and resolutions alternate, starting with an opening, and the state knows whether one is open', () => {
    fc.assert(
      fc.property(arbitraryRule, arbitraryValues, arbitraryFlap, (condition, values, flap) => {
        const { state, actions } = evaluateSeries(INITIAL_STATE, series(values), condition, flap);
        const changes = actions.filter((action) => action.kind === 'open' || action.kind === 'resolve').map((action) => action.kind);
        changes.forEach((kind, i) => expect(kind).toBe(i % 2 === 0 ? 'open' : 'resolve'));
        expect(state.incidentOpen).toBe(changes.length % 2 === 1);
      }),
    );
  });

  it('property: an opening follows at least the required violations in a row, and never falls within the cooldown', () => {
    fc.assert(
      fc.property(arbitraryRule, arbitraryValues, (condition, values) => {
        const samples = series(values);
        const { actions } = evaluateSeries(INITIAL_STATE, samples, condition, NO_FLAPPING);
        let lastResolved: number | undefined;
        for (const action of actions) {
          if (action.kind === 'resolve') lastResolved = action.at;
          if (action.kind !== 'open') continue;
          if (lastResolved !== undefined) expect(action.at - lastResolved).toBeGreaterThanOrEqual(condition.cooldownSeconds * 1000);
          const upTo = samples.filter((sample) => sample.at <= action.at).slice(-condition.consecutiveViolations);
          expect(upTo.every((sample) => violates(sample.value, condition.operator, condition.threshold))).toBe(true);
        }
      }),
    );
  });

  it('property: with one sample needed, no cooldown and no flapping, an incident is open exactly while the last sample violates', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.values(AlertOperator)), fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 40 }), (operator, values) => {
        const { state } = evaluateSeries(INITIAL_STATE, series(values), { operator, threshold: 0, consecutiveViolations: 1, cooldownSeconds: 0 }, NO_FLAPPING);
        expect(state.incidentOpen).toBe(violates(values.at(-1)!, operator, 0));
      }),
    );
  });

  it('property: splitting a series into batches changes nothing', () => {
    fc.assert(
      fc.property(arbitraryRule, arbitraryValues, arbitraryFlap, fc.nat(), (condition, values, flap, cut) => {
        const samples = series(values);
        const whole = evaluateSeries(INITIAL_STATE, samples, condition, flap);
        const at = samples.length ? cut % samples.length : 0;
        const first = evaluateSeries(INITIAL_STATE, samples.slice(0, at), condition, flap);
        const second = evaluateSeries(first.state, samples.slice(at), condition, flap);
        expect([...first.actions, ...second.actions]).toEqual(whole.actions);
        expect(second.state).toEqual(whole.state);
      }),
    );
  });
});
