import { AppError } from '@dotmac/kernel';
import type { EntityManager } from '@dotmac/kernel';
import { DEFAULT_DUNNING_POLICY, DunningAction, DunningPolicy, type DunningStep } from './dunning-policy.entity.js';

export interface EffectivePolicy {
  dueDays: number;
  graceDays: number;
  steps: DunningStep[];
  /** False while the tenant runs on the defaults. */
  custom: boolean;
}

/** The tenant's dunning policy, or the defaults when it has not set one. */
export async function policyOf(em: EntityManager, tenantId: string): Promise<EffectivePolicy> {
  const row = await em.findOne(DunningPolicy, { tenantId });
  if (!row) return { ...DEFAULT_DUNNING_POLICY, steps: [...DEFAULT_DUNNING_POLICY.steps], custom: false };
  return { dueDays: row.dueDays, graceDays: row.graceDays, steps: row.steps, custom: true };
}

const MAX_DAYS = 365;

function validDays(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 0 || value > MAX_DAYS) throw AppError.badInput(`Must be 0–${MAX_DAYS} days`, field);
  return value;
}

/**
 * Sets a tenant's policy. Steps run in order of their days (strictly increasing); suspension and
 * termination appear at most once each, and termination never before suspension.
 */
export async function setPolicy(em: EntityManager, tenantId: string, input: { dueDays: number; graceDays: number; steps: DunningStep[] }): Promise<EffectivePolicy> {
  const dueDays = validDays(input.dueDays, 'dueDays');
  const graceDays = validDays(input.graceDays, 'graceDays');
  if (input.steps.length > 10) throw AppError.badInput('At most 10 steps', 'steps');
  const steps = input.steps.map((step) => ({ daysAfterGrace: validDays(step.daysAfterGrace, 'steps'), action: step.action }));
  for (let i = 1; i < steps.length; i += 1) {
    if (steps[i]!.daysAfterGrace <= steps[i - 1]!.daysAfterGrace) throw AppError.badInput('Step days must strictly increase', 'steps');
  }
  const positionOf = (action: DunningAction) => steps.findIndex((step) => step.action === action);
  for (const action of [DunningAction.SUSPEND, DunningAction.TERMINATE]) {
    if (steps.filter((step) => step.action === action).length > 1) throw AppError.badInput(`${action} appears at most once`, 'steps');
  }
  if (positionOf(DunningAction.TERMINATE) >= 0 && positionOf(DunningAction.SUSPEND) > positionOf(DunningAction.TERMINATE)) {
    throw AppError.badInput('Termination cannot come before suspension', 'steps');
  }
  await em.execute(
    `insert into dunning_policy (tenant_id, due_days, grace_days, steps, updated_at) values (?, ?, ?, ?::jsonb, now())
     on conflict (tenant_id) do update set due_days = excluded.due_days, grace_days = excluded.grace_days, steps = excluded.steps, updated_at = now()`,
    [tenantId, dueDays, graceDays, JSON.stringify(steps)],
  );
  return { dueDays, graceDays, steps, custom: true };
}
