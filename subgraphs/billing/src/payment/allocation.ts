import type { EntityManager } from '@dotmac/kernel';
import { Invoice, OPEN_STATUSES } from '../invoice/invoice.entity.js';
import { updateSettlement } from '../invoice/invoice-status.js';
import { AllocationReason, PaymentAllocation } from './payment-allocation.entity.js';
import type { Payment } from './payment.entity.js';

/** The subscriber's invoices with money due, oldest first (issue date, then number). */
export function openInvoices(em: EntityManager, subscriberId: string): Promise<Invoice[]> {
  return em.find(
    Invoice,
    { subscriberId, status: { $in: [...OPEN_STATUSES] } },
    { orderBy: [{ issueDate: 'asc' }, { number: 'asc' }] },
  );
}

const isOpen = (invoice: Invoice) => OPEN_STATUSES.includes(invoice.status) && invoice.balanceDueMinor > 0;

/**
 * Spends the unallocated part of `payments` (in order) on `invoices` (in order), each invoice up to
 * what it still owes, in the same currency only. Writes one allocation row per payment × invoice
 * touched and moves each invoice's paid amount and status; the caller flushes. Returns the amount
 * allocated.
 */
export function allocate(em: EntityManager, payments: readonly Payment[], invoices: readonly Invoice[], reason: AllocationReason): number {
  let allocated = 0;
  for (const invoice of invoices) {
    if (!isOpen(invoice)) continue;
    for (const payment of payments) {
      const amountMinor = Math.min(payment.unallocatedMinor, invoice.balanceDueMinor);
      if (amountMinor <= 0 || payment.currency !== invoice.currency) continue;
      em.create(PaymentAllocation, { tenantId: invoice.tenantId, paymentId: payment.id, invoiceId: invoice.id, amountMinor, reason });
      payment.unallocatedMinor -= amountMinor;
      invoice.paidMinor += amountMinor;
      allocated += amountMinor;
    }
    updateSettlement(em, invoice);
  }
  return allocated;
}
