import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { isPlatformAdmin } from '@dotmac/kernel';
import { readerScope } from '../access/billing-access.js';
import type { BillingContext } from '../context.js';
import { SubscriptionStatus } from '../subscription/subscription.entity.js';
import { SubscriptionType } from '../subscription/subscription.type.js';
import { SubscriberStub, subscriberIdOf } from './subscriber.stub.js';

@Resolver(() => SubscriberStub)
export class SubscriberSubscriptionsResolver {
  @FieldResolver(() => [SubscriptionType], {
    description: "This subscriber's subscriptions, oldest first (batched across a page of subscribers).",
  })
  async subscriptions(
    @Root() subscriber: SubscriberStub,
    @Ctx() ctx: BillingContext,
    @Arg('status', () => [SubscriptionStatus], { nullable: true }) status?: SubscriptionStatus[],
  ): Promise<SubscriptionType[]> {
    const subscriberId = subscriberIdOf(subscriber);
    if (!isPlatformAdmin(ctx.viewer)) {
      const scope = readerScope(ctx.viewer);
      // A portal login reads its own subscriptions only; anyone else's are simply not there.
      if (scope.subscriberId && scope.subscriberId !== subscriberId) return [];
    }
    const rows = await ctx.loaders.subscriptionsBySubscriber.load(subscriberId);
    return rows.filter((row) => !status?.length || status.includes(row.status)).map(SubscriptionType.from);
  }
}
