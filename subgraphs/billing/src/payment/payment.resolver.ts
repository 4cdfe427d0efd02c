import { Arg, Args, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { ConnectionArgs, connectionType, expectGlobalId, runAuditedMutation, tenantScope, UserError } from '@dotmac/kernel';
import { readerScope, writerTenant } from '../access/billing-access.js';
import type { BillingContext } from '../context.js';
import { listPayments, visiblePayment } from './payment-query.service.js';
import { PaymentFilter, PaymentOrder, RecordPaymentInput } from './payment.input.js';
import { recordPayment } from './payment.service.js';
import { PaymentNode } from './payment.type.js';

export const PaymentConnection = connectionType(PaymentNode, 'Payment');

@ObjectType()
class RecordPaymentPayload {
  @Field(() => PaymentNode, { nullable: true }) payment?: PaymentNode;
  @Field({ description: 'True when this was a retry of a payment already recorded: nothing new was booked.' }) duplicate: boolean;
  @Field(() => [UserError]) userErrors: UserError[];
}

/** Unwinds the transaction of a retried payment (nothing is written, not even an audit record) and carries its payload out. */
class RetriedPayment extends Error {
  constructor(readonly payload: { payment: PaymentNode; duplicate: true }) {
    super('retried payment');
  }
}

@Resolver(() => PaymentNode)
export class PaymentResolver {
  @Query(() => PaymentConnection, { description: 'Payments, latest received first. A portal login sees its own.' })
  payments(
    @Ctx() ctx: BillingContext,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('tenantId', () => ID, { nullable: true }) tenantId?: string,
    @Arg('filter', () => PaymentFilter, { nullable: true }) filter?: PaymentFilter,
    @Arg('orderBy', () => PaymentOrder, { nullable: true }) orderBy?: PaymentOrder,
  ) {
    const scope = readerScope(ctx.viewer, tenantId);
    return ctx.db.inTenant(scope.tenantId, (em) => listPayments(em, scope, filter, orderBy, page));
  }

  @Query(() => PaymentNode)
  payment(@Ctx() ctx: BillingContext, @Arg('id', () => ID) id: string, @Arg('tenantId', () => ID, { nullable: true }) tenantId?: string) {
    const scope = readerScope(ctx.viewer, tenantId);
    const paymentId = expectGlobalId(id, 'Payment');
    return ctx.db.inTenant(scope.tenantId, async (em) => PaymentNode.from(await visiblePayment(em, scope, paymentId)));
  }

  @Mutation(() => RecordPaymentPayload, { description: 'Records money received and allocates it; the rest becomes account credit.' })
  async recordPayment(@Ctx() ctx: BillingContext, @Arg('input', () => RecordPaymentInput) input: RecordPaymentInput) {
    const tenantId = writerTenant(ctx.viewer, input.tenantId);
    try {
      const result = await runAuditedMutation(ctx, {
        service: 'billing',
        operation: 'recordPayment',
        scope: tenantScope(tenantId),
        work: async (em) => {
          const { payment, duplicate } = await recordPayment(em, tenantId, {
            ...input,
            amountMinor: input.amount,
            subscriberId: expectGlobalId(input.subscriberId, 'Subscriber', 'subscriberId'),
            invoiceId: input.invoiceId ? expectGlobalId(input.invoiceId, 'Invoice', 'invoiceId') : undefined,
          });
          if (duplicate) throw new RetriedPayment({ payment: PaymentNode.from(payment), duplicate: true });
          return { payload: { payment: PaymentNode.from(payment), duplicate: false }, target: { type: 'Payment', id: payment.id, tenantId } };
        },
      });
      return { ...result, duplicate: result.duplicate ?? false };
    } catch (error) {
      if (error instanceof RetriedPayment) return { ...error.payload, userErrors: [] };
      throw error;
    }
  }
}
