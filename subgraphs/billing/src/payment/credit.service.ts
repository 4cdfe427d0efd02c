import type { EntityManager } from '@dotmac/kernel';
import type { Invoice } from '../invoice/invoice.entity.js';
import { lockLedgers } from '../invoice/ledger-lock.js';
import { allocate, openInvoices } from './allocation.js';
import { AllocationReason } from './payment-allocation.entity.js';
import { Payment } from './payment.entity.js';

/** Payments of the subscriber with money not yet allocated (its account credit), oldest first. */
export function creditPayments(em: EntityManager, subscriberId: string): Promise<Payment[]> {
  return em.find(Payment, { subscriberId, unallocatedMinor: { $gt: 0 } }, { orderBy: [{ receivedAt: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] });
}

/**
 * Applies the subscriber's account credit (unallocated payments, oldest first) to `invoices` in the
 * given order, or to all of its open invoices oldest first when none are given; writes
 * `credit_applied` allocations. Runs in the caller's transaction under the subscriber's ledger lock
 * (taken here if the caller has not). Returns the amount applied.
 */
export async function applyCredit(em: EntityManager, tenantId: string, subscriberId: string, invoices?: readonly Invoice[]): Promise<number> {
  await lockLedgers(em, [subscriberId]);
  const credit = await creditPayments(em, subscriberId);
  if (!credit.length) return 0;
  const targets = (invoices ?? (await openInvoices(em, subscriberId))).filter((invoice) => invoice.tenantId === tenantId && invoice.subscriberId === subscriberId);
  const applied = allocate(em, credit, targets, AllocationReason.CREDIT_APPLIED);
  if (applied > 0) await em.flush();
  return applied;
}
