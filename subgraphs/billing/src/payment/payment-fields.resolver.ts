import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { BillingContext } from '../context.js';
import { InvoiceErrors } from '../invoice/invoice.errors.js';
import { InvoiceNode } from '../invoice/invoice.type.js';
import { PaymentErrors } from './payment.errors.js';
import { PaymentAllocationNode, PaymentNode } from './payment.type.js';

@Resolver(() => PaymentNode)
export class PaymentFieldsResolver {
  @FieldResolver(() => [PaymentAllocationNode], { description: 'Where the payment went, oldest first (negative rows: released by credit notes).' })
  async allocations(@Root() payment: PaymentNode, @Ctx() ctx: BillingContext): Promise<PaymentAllocationNode[]> {
    return (await ctx.loaders.payments.allocationsByPayment.load(payment.rawId)).map((row) => PaymentAllocationNode.from(row, payment.amount.currency));
  }
}

@Resolver(() => PaymentAllocationNode)
export class PaymentAllocationFieldsResolver {
  @FieldResolver(() => PaymentNode)
  async payment(@Root() allocation: PaymentAllocationNode, @Ctx() ctx: BillingContext): Promise<PaymentNode> {
    const row = await ctx.loaders.payments.paymentById.load(allocation.paymentId);
    if (!row) throw PaymentErrors.notFound();
    return PaymentNode.from(row);
  }

  @FieldResolver(() => InvoiceNode)
  async invoice(@Root() allocation: PaymentAllocationNode, @Ctx() ctx: BillingContext): Promise<InvoiceNode> {
    const row = await ctx.loaders.invoices.invoiceById.load(allocation.invoiceId);
    if (!row) throw InvoiceErrors.notFound();
    return InvoiceNode.from(row);
  }
}
