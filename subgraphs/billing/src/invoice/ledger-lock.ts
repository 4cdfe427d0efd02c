import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@dotmac/kernel';
import { Invoice } from './invoice.entity.js';
import { InvoiceErrors } from './invoice.errors.js';

/**
 * Locks the billing accounts of these subscribers for the rest of the transaction. Every change of
 * a subscriber's ledger (issuing, payments, credit, credit notes, voiding, overdue marking,
 * delinquency) takes this lock first, so the ledger of one subscriber changes one transaction at a
 * time. Lock order, everywhere: billing accounts (ascending id) → invoice rows → number series.
 * A caller that issues several subscribers' invoices in one transaction locks them all up front.
 */
export async function lockLedgers(em: EntityManager, subscriberIds: readonly string[]): Promise<void> {
  if (!subscriberIds.length) return;
  await em.execute(`select 1 from billing_account where subscriber_id = any(?::uuid[]) order by subscriber_id for update`, [
    `{${[...new Set(subscriberIds)].join(',')}}`,
  ]);
}

/** The invoice, fresh from the database and locked after its subscriber's ledger; NOT_FOUND when absent. */
export async function lockedInvoice(em: EntityManager, invoiceId: string): Promise<Invoice> {
  const found = await em.findOne(Invoice, { id: invoiceId });
  if (!found) throw InvoiceErrors.notFound();
  await lockLedgers(em, [found.subscriberId]);
  return em.findOneOrFail(Invoice, { id: invoiceId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
}
