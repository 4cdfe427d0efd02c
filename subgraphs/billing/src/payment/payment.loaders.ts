import type { FindOptions } from '@mikro-orm/core';
import type { Database, Scope } from '@dotmac/kernel';
import { groupLoader, rowLoader } from '../loader-helpers.js';
import { PaymentAllocation } from './payment-allocation.entity.js';
import { Payment } from './payment.entity.js';

const chronological = (): FindOptions<PaymentAllocation> => ({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });

/** Payments and allocations, one statement per field across a page. */
export function createPaymentLoaders(db: Database, scope: Scope | undefined) {
  return {
    paymentById: rowLoader(db, scope, (em, ids) => em.find(Payment, { id: { $in: ids } }), (row) => row.id),
    allocationsByInvoice: groupLoader(db, scope, (em, ids) => em.find(PaymentAllocation, { invoiceId: { $in: ids } }, chronological()), (row) => row.invoiceId),
    allocationsByPayment: groupLoader(db, scope, (em, ids) => em.find(PaymentAllocation, { paymentId: { $in: ids } }, chronological()), (row) => row.paymentId),
  };
}

export type PaymentLoaders = ReturnType<typeof createPaymentLoaders>;
