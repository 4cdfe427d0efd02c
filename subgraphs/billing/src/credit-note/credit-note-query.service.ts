import type { FilterQuery } from '@mikro-orm/core';
import { expectGlobalId, paginate, SortDirection, type ConnectionArgs, type EntityManager } from '@dotmac/kernel';
import type { ReadScope } from '../access/billing-access.js';
import { CreditNote } from './credit-note.entity.js';
import { CreditNoteErrors } from './credit-note.errors.js';
import type { CreditNoteFilter } from './credit-note.input.js';
import { CreditNoteNode } from './credit-note.type.js';

export function listCreditNotes(em: EntityManager, scope: ReadScope, filter: CreditNoteFilter | undefined, args: ConnectionArgs) {
  const conditions: FilterQuery<CreditNote>[] = [{ tenantId: scope.tenantId }];
  if (scope.subscriberId) conditions.push({ subscriberId: scope.subscriberId });
  if (filter?.subscriberId) conditions.push({ subscriberId: expectGlobalId(filter.subscriberId, 'Subscriber', 'filter.subscriberId') });
  if (filter?.invoiceId) conditions.push({ invoiceId: expectGlobalId(filter.invoiceId, 'Invoice', 'filter.invoiceId') });
  return paginate(em, CreditNote, { where: { $and: conditions }, sortField: 'createdAt', sortDirection: SortDirection.DESC, args }, CreditNoteNode.from);
}

export async function visibleCreditNote(em: EntityManager, scope: ReadScope, id: string): Promise<CreditNote> {
  const note = await em.findOne(CreditNote, { id });
  if (!note || note.tenantId !== scope.tenantId || (scope.subscriberId && note.subscriberId !== scope.subscriberId)) throw CreditNoteErrors.notFound();
  return note;
}
