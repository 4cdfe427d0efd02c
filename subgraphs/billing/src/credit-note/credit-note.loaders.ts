import type { Database, Scope } from '@dotmac/kernel';
import { groupLoader, rowLoader, uuidArray } from '@dotmac/kernel';
import { CreditNoteLine } from './credit-note-line.entity.js';
import { CreditNote } from './credit-note.entity.js';

/** Credit notes and their lines, one statement per field across a page. */
export function createCreditNoteLoaders(db: Database, scope: Scope | undefined) {
  return {
    creditNoteById: rowLoader(db, scope, (em, ids) => em.find(CreditNote, { id: { $in: ids } }), (row) => row.id),
    creditNotesByInvoice: groupLoader(
      db,
      scope,
      (em, ids) => em.find(CreditNote, { invoiceId: { $in: ids } }, { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
      (row) => row.invoiceId,
    ),
    linesByCreditNote: groupLoader(
      db,
      scope,
      async (em, ids) => {
        const rows = await em.execute(
          `select cnl.* from credit_note_line cnl join invoice_line il on il.id = cnl.invoice_line_id
           where cnl.credit_note_id = any(?::uuid[]) order by cnl.credit_note_id, il.position`,
          [uuidArray(ids)],
        );
        return rows.map((row) => em.map(CreditNoteLine, row));
      },
      (row) => row.creditNoteId,
    ),
  };
}

export type CreditNoteLoaders = ReturnType<typeof createCreditNoteLoaders>;
