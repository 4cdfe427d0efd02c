import type { FilterQuery } from '@mikro-orm/core';
import { expectGlobalId, paginate, SortDirection, type ConnectionArgs, type EntityManager } from '@dotmac/kernel';
import type { ReadScope, Visibility } from '../access/billing-access.js';
import { PaymentOrderField, type PaymentFilter, type PaymentOrder } from './payment.input.js';
import { Payment } from './payment.entity.js';
import { PaymentErrors } from './payment.errors.js';
import { PaymentNode } from './payment.type.js';

export function canSeePayment(scope: Visibility, payment: Pick<Payment, 'tenantId' | 'subscriberId'>): boolean {
  if (scope.tenantId && payment.tenantId !== scope.tenantId) return false;
  return !scope.subscriberId || payment.subscriberId === scope.subscriberId;
}

export function listPayments(em: EntityManager, scope: ReadScope, filter: PaymentFilter | undefined, order: PaymentOrder | undefined, args: ConnectionArgs) {
  const conditions: FilterQuery<Payment>[] = [{ tenantId: scope.tenantId }];
  if (scope.subscriberId) conditions.push({ subscriberId: scope.subscriberId });
  if (filter?.subscriberId) conditions.push({ subscriberId: expectGlobalId(filter.subscriberId, 'Subscriber', 'filter.subscriberId') });
  if (filter?.method?.length) conditions.push({ method: { $in: filter.method } });
  if (filter?.receivedFrom) conditions.push({ receivedAt: { $gte: filter.receivedFrom } });
  if (filter?.receivedTo) conditions.push({ receivedAt: { $lt: filter.receivedTo } });
  if (filter?.withCredit != null) conditions.push({ unallocatedMinor: filter.withCredit ? { $gt: 0 } : 0 });
  return paginate(
    em,
    Payment,
    { where: { $and: conditions }, sortField: order?.field ?? PaymentOrderField.RECEIVED_AT, sortDirection: order?.direction ?? SortDirection.DESC, args },
    PaymentNode.from,
  );
}

export async function visiblePayment(em: EntityManager, scope: ReadScope, id: string): Promise<Payment> {
  const payment = await em.findOne(Payment, { id });
  if (!payment || !canSeePayment(scope, payment)) throw PaymentErrors.notFound();
  return payment;
}
