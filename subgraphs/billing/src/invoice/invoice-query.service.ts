import type { FilterQuery } from '@mikro-orm/core';
import { expectGlobalId, paginate, SortDirection, type ConnectionArgs, type EntityManager } from '@dotmac/kernel';
import type { ReadScope, Visibility } from '../access/billing-access.js';
import { Invoice, InvoiceStatus } from './invoice.entity.js';
import { InvoiceErrors } from './invoice.errors.js';
import { InvoiceOrderField, type InvoiceFilter, type InvoiceOrder } from './invoice.input.js';
import { InvoiceNode } from './invoice.type.js';

/** Portal viewers see their own issued invoices; drafts are the ISP's work in progress. */
export function canSee(scope: Visibility, invoice: Pick<Invoice, 'tenantId' | 'subscriberId' | 'status'>): boolean {
  if (scope.tenantId && invoice.tenantId !== scope.tenantId) return false;
  if (!scope.subscriberId) return true;
  return invoice.subscriberId === scope.subscriberId && invoice.status !== InvoiceStatus.DRAFT;
}

/** The conditions of a reader's scope: its tenant, and for a portal viewer its own issued invoices. */
export function scopeWhere(scope: ReadScope): FilterQuery<Invoice> & Record<string, unknown> {
  const where: FilterQuery<Invoice> & Record<string, unknown> = { tenantId: scope.tenantId };
  if (scope.subscriberId) Object.assign(where, { subscriberId: scope.subscriberId, status: { $ne: InvoiceStatus.DRAFT } });
  return where;
}

export function listInvoices(em: EntityManager, scope: ReadScope, filter: InvoiceFilter | undefined, order: InvoiceOrder | undefined, args: ConnectionArgs) {
  const conditions: FilterQuery<Invoice>[] = [scopeWhere(scope)];
  if (filter?.subscriberId) conditions.push({ subscriberId: expectGlobalId(filter.subscriberId, 'Subscriber', 'filter.subscriberId') });
  if (filter?.status?.length) conditions.push({ status: { $in: filter.status } });
  if (filter?.issuedFrom) conditions.push({ issueDate: { $gte: filter.issuedFrom } });
  if (filter?.issuedTo) conditions.push({ issueDate: { $lte: filter.issuedTo } });
  return paginate(
    em,
    Invoice,
    {
      where: { $and: conditions },
      sortField: order?.field ?? InvoiceOrderField.CREATED_AT,
      sortDirection: order?.direction ?? SortDirection.DESC,
      args,
    },
    InvoiceNode.from,
  );
}

/** One invoice the reader may see; NOT_FOUND otherwise (whether it exists elsewhere or not). */
export async function visibleInvoice(em: EntityManager, scope: ReadScope, id: string): Promise<Invoice> {
  const invoice = await em.findOne(Invoice, { id });
  if (!invoice || !canSee(scope, invoice)) throw InvoiceErrors.notFound();
  return invoice;
}
