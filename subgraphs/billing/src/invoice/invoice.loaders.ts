import type { Database, Scope } from '@dotmac/kernel';
import { groupLoader, rowLoader } from '@dotmac/kernel';
import { InvoiceLineTax } from './invoice-line-tax.entity.js';
import { InvoiceLine } from './invoice-line.entity.js';
import { Invoice } from './invoice.entity.js';

/** Invoices and their lines by id, one statement per field across a page. */
export function createInvoiceLoaders(db: Database, scope: Scope | undefined) {
  return {
    invoiceById: rowLoader(db, scope, (em, ids) => em.find(Invoice, { id: { $in: ids } }), (row) => row.id),
    linesByInvoice: groupLoader(
      db,
      scope,
      (em, ids) => em.find(InvoiceLine, { invoiceId: { $in: ids } }, { orderBy: [{ invoiceId: 'asc' }, { position: 'asc' }] }),
      (row) => row.invoiceId,
    ),
    taxesByInvoice: groupLoader(db, scope, (em, ids) => em.find(InvoiceLineTax, { invoiceId: { $in: ids } }, { orderBy: [{ lineId: 'asc' }, { jurisdiction: 'asc' }, { name: 'asc' }] }), (row) => row.invoiceId),
  };
}

export type InvoiceLoaders = ReturnType<typeof createInvoiceLoaders>;
