import { Arg, Args, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { connectionType, ConnectionArgs, expectGlobalId, runAuditedMutation, tenantScope, UserError, type EntityManager } from '@dotmac/kernel';
import { readerTenant, writerTenant } from '../../access/network-access.js';
import type { NetworkContext } from '../../context.js';
import { referenceResolver } from '../../shared/reference.js';
import { AlertRule } from './alert-rule.entity.js';
import { AlertRuleFilter, AlertRuleOrder, CreateAlertRuleInput, DeleteAlertRuleInput, UpdateAlertRuleInput } from './alert-rule.input.js';
import * as rules from './alert-rule.service.js';
import { AlertRuleType } from './alert-rule.type.js';

export const AlertRuleConnection = connectionType(AlertRuleType, 'AlertRule');

/** Resolves AlertRule entities for the gateway (e.g. `node(id)`); another ISP's is NOT_FOUND. */
export const resolveAlertRuleReference = referenceResolver('AlertRule', AlertRule, AlertRuleType.from);

@ObjectType()
class AlertRulePayload {
  @Field(() => AlertRuleType, { nullable: true }) rule?: AlertRuleType;
  @Field(() => [UserError]) userErrors: UserError[];
}

@Resolver(() => AlertRuleType)
export class AlertRuleResolver {
  @Query(() => AlertRuleConnection, { description: "The ISP's alert rules (network staff and support)." })
  alertRules(
    @Ctx() ctx: NetworkContext,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('tenantId', () => ID, { nullable: true, description: 'Platform admins name the ISP.' }) tenantId?: string,
    @Arg('filter', () => AlertRuleFilter, { nullable: true }) filter?: AlertRuleFilter,
    @Arg('orderBy', () => AlertRuleOrder, { nullable: true }) orderBy?: AlertRuleOrder,
  ) {
    const tenant = readerTenant(ctx.viewer, tenantId);
    return ctx.db.inTenant(tenant, (em) => rules.listAlertRules(em, tenant, filter, orderBy, page));
  }

  @Query(() => AlertRuleType, { description: "One alert rule by its id; another ISP's is NOT_FOUND." })
  alertRule(@Ctx() ctx: NetworkContext, @Arg('id', () => ID) id: string): Promise<AlertRuleType> {
    return resolveAlertRuleReference({ id }, ctx);
  }

  @Mutation(() => AlertRulePayload, { description: 'Adds an alert rule; its name is unique within the ISP.' })
  createAlertRule(@Ctx() ctx: NetworkContext, @Arg('input', () => CreateAlertRuleInput) input: CreateAlertRuleInput) {
    const tenantId = writerTenant(ctx.viewer, input.tenantId);
    return this.mutate(ctx, 'createAlertRule', tenantId, (em) => rules.createAlertRule(em, tenantId, input));
  }

  @Mutation(() => AlertRulePayload, { description: 'Changes an alert rule; absent fields stay. Devices keep their evaluation state.' })
  updateAlertRule(@Ctx() ctx: NetworkContext, @Arg('input', () => UpdateAlertRuleInput) input: UpdateAlertRuleInput) {
    const tenantId = writerTenant(ctx.viewer, input.tenantId);
    return this.mutate(ctx, 'updateAlertRule', tenantId, (em) => rules.updateAlertRule(em, expectGlobalId(input.ruleId, 'AlertRule', 'ruleId'), input));
  }

  @Mutation(() => AlertRulePayload, { description: 'Deletes an alert rule without unresolved incidents (CONFLICT otherwise; disable it instead).' })
  deleteAlertRule(@Ctx() ctx: NetworkContext, @Arg('input', () => DeleteAlertRuleInput) input: DeleteAlertRuleInput) {
    const tenantId = writerTenant(ctx.viewer, input.tenantId);
    return this.mutate(ctx, 'deleteAlertRule', tenantId, (em) => rules.deleteAlertRule(em, expectGlobalId(input.ruleId, 'AlertRule', 'ruleId')));
  }

  private mutate(ctx: NetworkContext, operation: string, tenantId: string, change: (em: EntityManager) => Promise<AlertRule>) {
    return runAuditedMutation(ctx, {
      service: 'network',
      operation,
      scope: tenantScope(tenantId),
      work: async (em) => {
        const rule = await change(em);
        return { payload: { rule: AlertRuleType.from(rule) }, target: { type: 'AlertRule', id: rule.id, tenantId } };
      },
    });
  }
}
