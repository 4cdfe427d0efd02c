import { Arg, Args, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { AppError, connectionType, ConnectionArgs, expectGlobalId, runAuditedMutation, tenantScope, todayUtc, UserError } from '@dotmac/kernel';
import { readerScope, writerTenant } from '../access/billing-access.js';
import { objectReader } from '../access/read-scope.js';
import type { BillingContext } from '../context.js';
import { Money } from '../money/money.type.js';
import type { ServicePlan } from '../plan/service-plan.entity.js';
import { ServicePlanType } from '../plan/service-plan.type.js';
import { currentPeriodOf } from './subscription-schedule.js';
import { CancelSubscriptionInput, CreateSubscriptionInput, SubscriptionFilter, SubscriptionOrder } from './subscription.input.js';
import { BillingPeriodType, SubscriptionType } from './subscription.type.js';
import * as subscriptions from './subscription.service.js';

export const SubscriptionConnection = connectionType(SubscriptionType, 'ServiceSubscription');

@ObjectType()
class SubscriptionPayload {
  @Field(() => SubscriptionType, { nullable: true }) subscription?: SubscriptionType;
  @Field(() => [UserError]) userErrors: UserError[];
}

async function planOf(ctx: BillingContext, subscription: SubscriptionType): Promise<ServicePlan> {
  const plan = await ctx.loaders.planById.load(subscription.row.planId);
  if (!plan) throw AppError.notFound('ServicePlan');
  return plan;
}

@Resolver(() => SubscriptionType)
export class SubscriptionResolver {
  @Query(() => SubscriptionConnection, { description: 'Subscriptions of the ISP; a subscriber-portal login sees only its own.' })
  subscriptions(
    @Ctx() ctx: BillingContext,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('tenantId', () => ID, { nullable: true }) tenantId?: string,
    @Arg('filter', () => SubscriptionFilter, { nullable: true }) filter?: SubscriptionFilter,
    @Arg('orderBy', () => SubscriptionOrder, { nullable: true }) orderBy?: SubscriptionOrder,
  ) {
    const scope = readerScope(ctx.viewer, tenantId);
    const named = filter?.subscriberId ? expectGlobalId(filter.subscriberId, 'Subscriber', 'filter.subscriberId') : undefined;
    const query = {
      // A portal reader is always narrowed to itself; naming someone else then matches nothing.
      subscriberIds: [scope.subscriberId, named].filter((id): id is string => Boolean(id)),
      planId: filter?.planId ? expectGlobalId(filter.planId, 'ServicePlan', 'filter.planId') : undefined,
      status: filter?.status,
    };
    return ctx.db.inTenant(scope.tenantId, (em) => subscriptions.listSubscriptions(em, scope.tenantId, query, orderBy, page));
  }

  @Query(() => SubscriptionType, { description: 'One subscription by global id.' })
  subscription(@Ctx() ctx: BillingContext, @Arg('id', () => ID) id: string): Promise<SubscriptionType> {
    const subscriptionId = expectGlobalId(id, 'Subscription');
    const reader = objectReader(ctx.viewer);
    return ctx.db.run(reader.scope, async (em) => SubscriptionType.from(await subscriptions.visibleSubscription(em, subscriptionId, reader.subscriberId)));
  }

  @Mutation(() => SubscriptionPayload, { description: 'Subscribes a subscriber to an active plan in its billing currency.' })
  createSubscription(@Ctx() ctx: BillingContext, @Arg('input', () => CreateSubscriptionInput) input: CreateSubscriptionInput) {
    const tenantId = writerTenant(ctx.viewer, input.tenantId);
    return runAuditedMutation(ctx, {
      service: 'billing',
      operation: 'createSubscription',
      scope: tenantScope(tenantId),
      work: async (em) => {
        const subscriberId = expectGlobalId(input.subscriberId, 'Subscriber', 'subscriberId');
        const planId = expectGlobalId(input.planId, 'ServicePlan', 'planId');
        const row = await subscriptions.createSubscription(em, tenantId, { ...input, subscriberId, planId }, todayUtc());
        return { payload: { subscription: SubscriptionType.from(row) }, target: { type: 'Subscription', id: row.id, tenantId } };
      },
    });
  }

  @Mutation(() => SubscriptionPayload, { description: 'Ends a subscription, by default at the end of its current period.' })
  cancelSubscription(@Ctx() ctx: BillingContext, @Arg('input', () => CancelSubscriptionInput) input: CancelSubscriptionInput) {
    const tenantId = writerTenant(ctx.viewer, input.tenantId);
    return runAuditedMutation(ctx, {
      service: 'billing',
      operation: 'cancelSubscription',
      scope: tenantScope(tenantId),
      work: async (em) => {
        const id = expectGlobalId(input.subscriptionId, 'Subscription', 'subscriptionId');
        const row = await subscriptions.cancelSubscription(em, id, input, todayUtc());
        return {
          payload: { subscription: SubscriptionType.from(row) },
          target: { type: 'Subscription', id: row.id, tenantId },
          details: { endDate: row.endDate ?? null, overrideContract: input.overrideContract },
        };
      },
    });
  }

  @FieldResolver(() => ServicePlanType)
  async plan(@Root() subscription: SubscriptionType, @Ctx() ctx: BillingContext): Promise<ServicePlanType> {
    return ServicePlanType.from(await planOf(ctx, subscription));
  }

  @FieldResolver(() => Money, { nullable: true, description: "Price per unit agreed for this subscription instead of the plan's." })
  async priceOverride(@Root() subscription: SubscriptionType, @Ctx() ctx: BillingContext): Promise<Money | null> {
    const { priceOverrideMinor } = subscription.row;
    return priceOverrideMinor == null ? null : Money.of(priceOverrideMinor, (await planOf(ctx, subscription)).currency);
  }

  @FieldResolver(() => Money, { description: 'Price per unit billed from now on: the override, else the current plan price.' })
  async unitPrice(@Root() subscription: SubscriptionType, @Ctx() ctx: BillingContext): Promise<Money> {
    const plan = await planOf(ctx, subscription);
    return Money.of(subscription.row.priceOverrideMinor ?? plan.priceMinor, plan.currency);
  }

  @FieldResolver(() => BillingPeriodType, { nullable: true, description: 'The period running today (the first one before the start); null for one-time plans and after the end.' })
  async currentPeriod(@Root() subscription: SubscriptionType, @Ctx() ctx: BillingContext): Promise<BillingPeriodType | null> {
    const period = currentPeriodOf(subscription.row, await planOf(ctx, subscription), todayUtc());
    return period && BillingPeriodType.from(period);
  }
}
