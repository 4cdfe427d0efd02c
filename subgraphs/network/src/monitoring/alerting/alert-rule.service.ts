import type { FilterQuery } from '@mikro-orm/core';
import { containsPattern, paginate, SortDirection, type ConnectionArgs, type EntityManager } from '@dotmac/kernel';
import { requiredText } from '../../shared/text.js';
import { conflictOnUnique } from '../../shared/unique-violation.js';
import { IncidentState } from './alerting-enums.js';
import { AlertingErrors } from './alerting.errors.js';
import { AlertRule } from './alert-rule.entity.js';
import { AlertRuleOrderField, type AlertRuleFilter, type AlertRuleOrder, type CreateAlertRuleInput, type UpdateAlertRuleInput } from './alert-rule.input.js';
import { CONSECUTIVE_RANGE, COOLDOWN_RANGE, scopeColumnsOf, thresholdOf, wholeNumberIn } from './alert-rule.rules.js';
import { AlertRuleType } from './alert-rule.type.js';
import { Incident } from './incident.entity.js';

const UNIQUE_RULES = { alert_rule_tenant_name_unique: { message: 'Another alert rule of this ISP has that name', field: 'name' } };

export async function findAlertRule(em: EntityManager, id: string, field = 'ruleId'): Promise<AlertRule> {
  const rule = await em.findOne(AlertRule, { id });
  if (!rule) throw AlertingErrors.ruleNotFound(field);
  return rule;
}

export async function createAlertRule(em: EntityManager, tenantId: string, input: CreateAlertRuleInput): Promise<AlertRule> {
  const rule = em.create(AlertRule, {
    tenantId,
    name: requiredText(input.name, 'name'),
    metric: input.metric,
    operator: input.operator,
    threshold: thresholdOf(input.threshold),
    consecutiveViolations: wholeNumberIn(input.consecutiveViolations ?? 1, 'consecutiveViolations', CONSECUTIVE_RANGE),
    cooldownSeconds: wholeNumberIn(input.cooldownSeconds ?? 0, 'cooldownSeconds', COOLDOWN_RANGE),
    severity: input.severity,
    enabled: input.enabled ?? true,
    ...(await scopeColumnsOf(em, input.scope)),
  });
  await conflictOnUnique(() => em.flush(), UNIQUE_RULES);
  return rule;
}

/** Changes a rule; its devices' evaluation state carries on under the new condition. */
export async function updateAlertRule(em: EntityManager, id: string, input: UpdateAlertRuleInput): Promise<AlertRule> {
  const rule = await findAlertRule(em, id);
  if (input.name != null) rule.name = requiredText(input.name, 'name');
  if (input.metric != null) rule.metric = input.metric;
  if (input.operator != null) rule.operator = input.operator;
  if (input.threshold != null) rule.threshold = thresholdOf(input.threshold);
  if (input.consecutiveViolations != null) rule.consecutiveViolations = wholeNumberIn(input.consecutiveViolations, 'consecutiveViolations', CONSECUTIVE_RANGE);
  if (input.cooldownSeconds != null) rule.cooldownSeconds = wholeNumberIn(input.cooldownSeconds, 'cooldownSeconds', COOLDOWN_RANGE);
  if (input.severity != null) rule.severity = input.severity;
  if (input.enabled != null) rule.enabled = input.enabled;
  if (input.scope != null) Object.assign(rule, await scopeColumnsOf(em, input.scope));
  await conflictOnUnique(() => em.flush(), UNIQUE_RULES);
  return rule;
}

/** Deletes a rule with no unresolved incident (its resolved incidents keep their title and history). */
export async function deleteAlertRule(em: EntityManager, id: string): Promise<AlertRule> {
  const rule = await findAlertRule(em, id);
  const unresolved = await em.count(Incident, { ruleId: id, state: { $ne: IncidentState.RESOLVED } });
  if (unresolved > 0) throw AlertingErrors.ruleHasOpenIncidents(unresolved);
  await em.removeAndFlush(rule);
  return rule;
}

export function listAlertRules(em: EntityManager, tenantId: string, filter: AlertRuleFilter | undefined, order: AlertRuleOrder | undefined, args: ConnectionArgs) {
  const where: FilterQuery<AlertRule> & Record<string, unknown> = { tenantId };
  if (filter?.enabled != null) where.enabled = filter.enabled;
  if (filter?.metric?.length) where.metric = { $in: filter.metric };
  if (filter?.severity?.length) where.severity = { $in: filter.severity };
  if (filter?.search?.trim()) where.name = { $ilike: containsPattern(filter.search) };
  return paginate(em, AlertRule, { where, sortField: order?.field ?? AlertRuleOrderField.NAME, sortDirection: order?.direction ?? SortDirection.ASC, args }, AlertRuleType.from);
}
