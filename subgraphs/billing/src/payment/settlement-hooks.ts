import { recordEvent, type EntityManager } from '@dotmac/kernel';

/**
 * Called after every change that reduces what a subscriber owes (a payment, a credit note, credit
 * applied, a voided invoice), in the same transaction and under the subscriber's ledger lock.
 * A delinquent subscriber with no overdue balance left is restored: `delinquent` cleared and
 * `billing.subscriber.restored` recorded in the outbox (the network subgraph lifts the suspension).
 * Returns whether the subscriber was restored.
 */
export async function afterSettlement(em: EntityManager, tenantId: string, subscriberId: string): Promise<boolean> {
  const restored = await em.execute<{ subscriber_id: string }[]>(
    `update billing_account set delinquent = false, delinquent_since = null, updated_at = now()
     where subscriber_id = ? and delinquent
       and not exists (
         select 1 from invoice
         where invoice.subscriber_id = billing_account.subscriber_id and status = 'overdue'
           and total_minor - credited_minor - paid_minor > 0)
     returning subscriber_id`,
    [subscriberId],
  );
  if (!restored.length) return false;
  recordEvent(em, 'billing.subscriber.restored', tenantId, { subscriberId, tenantId });
  return true;
}
