import { AppError, recordEvent, type EntityManager } from '@dotmac/kernel';
import { afterSettlement } from '../payment/settlement-hooks.js';
import { Invoice, InvoiceStatus } from './invoice.entity.js';
import { InvoiceErrors } from './invoice.errors.js';
import { lockedInvoice } from './ledger-lock.js';

const VOIDABLE: readonly InvoiceStatus[] = [InvoiceStatus.ISSUED, InvoiceStatus.OVERDUE];

/**
 * Voids an issued invoice nobody paid or credited: it stays on record with its number (numbers are
 * never reused) and stops counting in the balance. Anything with money on it is corrected with a
 * credit note instead.
 */
export async function voidInvoice(em: EntityManager, invoiceId: string, reason: string): Promise<Invoice> {
  const why = reason.trim();
  if (why.length < 1 || why.length > 500) throw AppError.badInput('A reason is 1–500 characters', 'reason');
  const invoice = await lockedInvoice(em, invoiceId);
  if (invoice.status === InvoiceStatus.VOID) throw InvoiceErrors.isVoid(invoice.number);
  if (invoice.status === InvoiceStatus.DRAFT) throw InvoiceErrors.notIssued();
  if (invoice.paidMinor > 0 || invoice.creditedMinor > 0) {
    throw InvoiceErrors.notVoidable(invoice.number, 'payments or credit notes are on it (issue a credit note instead)');
  }
  const [{ count }] = await em.execute<{ count: string }[]>(
    `select (select count(*) from payment_allocation where invoice_id = ?) + (select count(*) from credit_note where invoice_id = ?) as count`,
    [invoice.id, invoice.id],
  );
  if (!VOIDABLE.includes(invoice.status) || Number(count) > 0) {
    throw InvoiceErrors.notVoidable(invoice.number, 'payments or credit notes are on it (issue a credit note instead)');
  }
  invoice.status = InvoiceStatus.VOID;
  invoice.voidedAt = new Date();
  invoice.voidReason = why;
  await em.flush();
  await afterSettlement(em, invoice.tenantId, invoice.subscriberId);
  recordEvent(em, 'billing.invoice.voided', invoice.tenantId, { invoiceId: invoice.id, subscriberId: invoice.subscriberId, number: invoice.number, reason: why });
  return invoice;
}
