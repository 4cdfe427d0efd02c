import { fromGlobalId } from '@dotmac/kernel';
import { visibilityOf } from '../access/billing-access.js';
import type { BillingContext } from '../context.js';
import { CreditNoteErrors } from './credit-note.errors.js';
import { CreditNoteNode } from './credit-note.type.js';

/** Resolves CreditNote entities for the gateway; one the viewer may not see is NOT_FOUND. */
export async function resolveCreditNoteReference(reference: { id: string }, ctx: BillingContext): Promise<CreditNoteNode> {
  const visibility = visibilityOf(ctx.viewer);
  const { type, id } = fromGlobalId(reference.id);
  const row = type === 'CreditNote' ? await ctx.loaders.creditNotes.creditNoteById.load(id) : undefined;
  const visible = row && (!visibility.tenantId || row.tenantId === visibility.tenantId) && (!visibility.subscriberId || row.subscriberId === visibility.subscriberId);
  if (!row || !visible) throw CreditNoteErrors.notFound(reference.id);
  return CreditNoteNode.from(row);
}
