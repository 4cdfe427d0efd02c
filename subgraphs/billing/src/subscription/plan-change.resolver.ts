import { Arg, Ctx, Field, Mutation, ObjectType, Resolver } from 'type-graphql';
import { expectGlobalId, runAuditedMutation, tenantScope, todayUtc, UserError } from '@dotmac/kernel';
import { writerTenant } from '../access/billing-access.js';
import type { BillingContext } from '../context.js';
import { CreditNoteNode } from '../credit-note/credit-note.type.js';
import { InvoiceNode } from '../invoice/invoice.type.js';
import { changeSubscriptionPlan } from './plan-change.service.js';
import { ChangeSubscriptionPlanInput } from './subscription.input.js';
import { SubscriptionType } from './subscription.type.js';

@ObjectType()
class ChangeSubscriptionPlanPayload {
  @Field(() => SubscriptionType, { nullable: true }) subscription?: SubscriptionType;
  @Field(() => CreditNoteNode, { nullable: true, description: 'Credit for the unused part of the old plan.' }) creditNote?: CreditNoteNode;
  @Field(() => InvoiceNode, { nullable: true, description: "The new plan's charge for the rest of the billed period." }) invoice?: InvoiceNode;
  @Field(() => [UserError]) userErrors: UserError[];
}

@Resolver()
export class PlanChangeResolver {
  @Mutation(() => ChangeSubscriptionPlanPayload, {
    description: 'Moves a subscription to another plan mid-period: the unused part of the old plan is credited, the rest of the period charged on the new one.',
  })
  changeSubscriptionPlan(@Ctx() ctx: BillingContext, @Arg('input', () => ChangeSubscriptionPlanInput) input: ChangeSubscriptionPlanInput) {
    const tenantId = writerTenant(ctx.viewer, input.tenantId);
    return runAuditedMutation(ctx, {
      service: 'billing',
      operation: 'changeSubscriptionPlan',
      scope: tenantScope(tenantId),
      work: async (em) => {
        const subscriptionId = expectGlobalId(input.subscriptionId, 'Subscription', 'subscriptionId');
        const planId = expectGlobalId(input.planId, 'ServicePlan', 'planId');
        const outcome = await changeSubscriptionPlan(em, tenantId, { subscriptionId, planId, effectiveDate: input.effectiveDate }, todayUtc());
        return {
          payload: {
            subscription: SubscriptionType.from(outcome.subscription),
            creditNote: outcome.creditNote && CreditNoteNode.from(outcome.creditNote),
            invoice: outcome.invoice && InvoiceNode.from(outcome.invoice),
          },
          target: { type: 'Subscription', id: subscriptionId, tenantId },
          details: { planId, effectiveDate: input.effectiveDate ?? null, creditNoteId: outcome.creditNote?.id ?? null, invoiceId: outcome.invoice?.id ?? null },
        };
      },
    });
  }
}
