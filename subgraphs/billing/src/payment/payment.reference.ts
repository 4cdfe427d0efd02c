import { fromGlobalId } from '@dotmac/kernel';
import { visibilityOf } from '../access/billing-access.js';
import type { BillingContext } from '../context.js';
import { canSeePayment } from './payment-query.service.js';
import { PaymentErrors } from './payment.errors.js';
import { PaymentNode } from './payment.type.js';

/** Resolves Payment entities for the gateway; one the viewer may not see is NOT_FOUND. */
export async function resolvePaymentReference(reference: { id: string }, ctx: BillingContext): Promise<PaymentNode> {
  const visibility = visibilityOf(ctx.viewer);
  const { type, id } = fromGlobalId(reference.id);
  const row = type === 'Payment' ? await ctx.loaders.payments.paymentById.load(id) : undefined;
  if (!row || !canSeePayment(visibility, row)) throw PaymentErrors.notFound(reference.id);
  return PaymentNode.from(row);
}
