import { recordEvent, type EntityManager } from '@dotmac/kernel';
import { Invoice, InvoiceStatus } from './invoice.entity.js';

/**
 * The status an issued invoice has after money moved on it: `paid` once nothing is owed (whether
 * paid or credited), an overdue invoice stays overdue until then, otherwise `partially_paid` when a
 * payment reached it and `issued` when none did. Drafts and void invoices keep their status.
 */
export function settledStatus(invoice: Pick<Invoice, 'status' | 'totalMinor' | 'creditedMinor' | 'paidMinor'>): InvoiceStatus {
  if (invoice.status === InvoiceStatus.DRAFT || invoice.status === InvoiceStatus.VOID) return invoice.status;
  const balance = invoice.totalMinor - invoice.creditedMinor - invoice.paidMinor;
  if (balance === 0) return InvoiceStatus.PAID;
  if (invoice.status === InvoiceStatus.OVERDUE) return InvoiceStatus.OVERDUE;
  return invoice.paidMinor > 0 ? InvoiceStatus.PARTIALLY_PAID : InvoiceStatus.ISSUED;
}

/** Moves the invoice to its settled status; an invoice that just became paid is announced. */
export function updateSettlement(em: EntityManager, invoice: Invoice): void {
  const next = settledStatus(invoice);
  if (next === InvoiceStatus.PAID && invoice.status !== InvoiceStatus.PAID) {
    recordEvent(em, 'billing.invoice.paid', invoice.tenantId, { invoiceId: invoice.id, subscriberId: invoice.subscriberId, number: invoice.number });
  }
  invoice.status = next;
}
