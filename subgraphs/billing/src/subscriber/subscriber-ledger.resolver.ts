import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ConnectionArgs, pageRequest, SortDirection } from '@dotmac/kernel';
import { visibilityOf } from '../access/billing-access.js';
import type { BillingContext } from '../context.js';
import { InvoiceOrder, InvoiceOrderField } from '../invoice/invoice.input.js';
import { InvoiceConnection } from '../invoice/invoice.resolver.js';
import { InvoiceErrors } from '../invoice/invoice.errors.js';
import { Money } from '../money/money.type.js';
import { SubscriberInvoicesFilter } from './subscriber-ledger.input.js';
import { subscriberIdOf, SubscriberStub } from './subscriber.stub.js';

/** The subscriber behind a Subscriber the viewer may read the ledger of; a portal login reads only its own. */
function readableSubscriber(ctx: BillingContext, subscriber: SubscriberStub): { subscriberId: string; portal: boolean } {
  const visibility = visibilityOf(ctx.viewer);
  const subscriberId = subscriberIdOf(subscriber);
  if (visibility.subscriberId && visibility.subscriberId !== subscriberId) throw InvoiceErrors.notFound();
  return { subscriberId, portal: Boolean(visibility.subscriberId) };
}

@Resolver(() => SubscriberStub)
export class SubscriberLedgerResolver {
  @FieldResolver(() => Money, { description: 'Open invoice balances minus account credit; negative when the subscriber is in credit.' })
  async balance(@Root() subscriber: SubscriberStub, @Ctx() ctx: BillingContext): Promise<Money> {
    const { subscriberId } = readableSubscriber(ctx, subscriber);
    const summary = await ctx.loaders.subscriberLedger.summaryBySubscriber.load(subscriberId);
    return Money.of(summary.openMinor - summary.creditMinor, summary.currency);
  }

  @FieldResolver(() => Money, { description: 'Payments not allocated to any invoice; applied to the next invoice issued.' })
  async accountCredit(@Root() subscriber: SubscriberStub, @Ctx() ctx: BillingContext): Promise<Money> {
    const { subscriberId } = readableSubscriber(ctx, subscriber);
    const summary = await ctx.loaders.subscriberLedger.summaryBySubscriber.load(subscriberId);
    return Money.of(summary.creditMinor, summary.currency);
  }

  @FieldResolver(() => InvoiceConnection, { description: "The subscriber's invoices, newest first (a portal login sees issued ones only)." })
  invoices(
    @Root() subscriber: SubscriberStub,
    @Ctx() ctx: BillingContext,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => SubscriberInvoicesFilter, { nullable: true }) filter?: SubscriberInvoicesFilter,
    @Arg('orderBy', () => InvoiceOrder, { nullable: true }) orderBy?: InvoiceOrder,
  ) {
    const { subscriberId, portal } = readableSubscriber(ctx, subscriber);
    pageRequest(args);
    const loader = ctx.loaders.subscriberLedger.invoicePage({
      args: { first: args.first, after: args.after, last: args.last, before: args.before },
      status: filter?.status,
      issuedFrom: filter?.issuedFrom,
      issuedTo: filter?.issuedTo,
      field: orderBy?.field ?? InvoiceOrderField.CREATED_AT,
      direction: orderBy?.direction ?? SortDirection.DESC,
      includeDrafts: !portal,
    });
    return loader.load(subscriberId);
  }
}
