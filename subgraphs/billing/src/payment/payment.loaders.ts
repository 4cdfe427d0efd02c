import type { Database, EntityManager, Scope } from '@dotmac/kernel';
import { groupLoader, rowLoader, uuidArray } from '@dotmac/kernel';
import { PaymentAllocation } from './payment-allocation.entity.js';
import { Payment } from './payment.entity.js';

/** Allocations in the order they happened; rows of one moment in the order payments and invoices are settled. */
async function allocations(em: EntityManager, key: 'payment_id' | 'invoice_id', ids: string[]): Promise<PaymentAllocation[]> {
  const rows = await em.execute(
    `select pa.* from payment_allocation pa
     join payment p on p.id = pa.payment_id join invoice i on i.id = pa.invoice_id
     where pa.${key} = any(?::uuid[])
     order by pa.${key}, pa.created_at, p.received_at, p.created_at, i.issue_date, i.number, pa.id`,
    [uuidArray(ids)],
  );
  return rows.map((row) => em.map(PaymentAllocation, row));
}

/** Payments and allocations, one statement per field across a page. */
export function createPaymentLoaders(db: Database, scope: Scope | undefined) {
  return {
    paymentById: rowLoader(db, scope, (em, ids) => em.find(Payment, { id: { $in: ids } }), (row) => row.id),
    allocationsByInvoice: groupLoader(db, scope, (em, ids) => allocations(em, 'invoice_id', ids), (row) => row.invoiceId),
    allocationsByPayment: groupLoader(db, scope, (em, ids) => allocations(em, 'payment_id', ids), (row) => row.paymentId),
  };
}

export type PaymentLoaders = ReturnType<typeof createPaymentLoaders>;
