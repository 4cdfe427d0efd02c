import { fromGlobalId } from '@dotmac/kernel';
import { visibilityOf } from '../access/billing-access.js';
import type { BillingContext } from '../context.js';
import { canSee } from './invoice-query.service.js';
import { InvoiceErrors } from './invoice.errors.js';
import { InvoiceNode } from './invoice.type.js';

/** Resolves Invoice entities for the gateway (e.g. `node(id:)`); one the viewer may not see is NOT_FOUND. */
export async function resolveInvoiceReference(reference: { id: string }, ctx: BillingContext): Promise<InvoiceNode> {
  const visibility = visibilityOf(ctx.viewer);
  const { type, id } = fromGlobalId(reference.id);
  const row = type === 'Invoice' ? await ctx.loaders.invoices.invoiceById.load(id) : undefined;
  if (!row || !canSee(visibility, row)) throw InvoiceErrors.notFound(reference.id);
  return InvoiceNode.from(row);
}
