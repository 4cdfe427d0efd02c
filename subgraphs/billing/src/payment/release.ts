import type { EntityManager } from '@dotmac/kernel';
import type { Invoice } from '../invoice/invoice.entity.js';
import { AllocationReason, PaymentAllocation } from './payment-allocation.entity.js';
import { Payment } from './payment.entity.js';

/**
 * Gives `amountMinor` of what payments put on an invoice back to those payments, newest allocation
 * first, as negative `credit_note_release` allocations: the money becomes account credit again.
 * Used when a credit note leaves an invoice paid more than it now costs. The caller flushes.
 */
export async function releaseAllocations(em: EntityManager, invoice: Invoice, amountMinor: number): Promise<void> {
  const held = await em.execute<{ payment_id: string; net: string }[]>(
    `select payment_id, sum(amount_minor) as net from payment_allocation where invoice_id = ?
     group by payment_id having sum(amount_minor) > 0
     order by max(created_at) desc, max(id::text) desc`,
    [invoice.id],
  );
  const payments = new Map((await em.find(Payment, { id: { $in: held.map((row) => row.payment_id) } })).map((row) => [row.id, row]));
  let remaining = amountMinor;
  for (const row of held) {
    if (remaining === 0) break;
    const take = Math.min(Number(row.net), remaining);
    const payment = payments.get(row.payment_id)!;
    em.create(PaymentAllocation, {
      tenantId: invoice.tenantId, paymentId: payment.id, invoiceId: invoice.id, amountMinor: -take, reason: AllocationReason.CREDIT_NOTE_RELEASE,
    });
    payment.unallocatedMinor += take;
    invoice.paidMinor -= take;
    remaining -= take;
  }
  if (remaining !== 0) throw new Error(`Invoice ${invoice.id}: allocations hold less than the ${amountMinor} to release`);
}
