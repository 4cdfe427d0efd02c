import { recordEvent, todayUtc, type EntityManager } from '@dotmac/kernel';
import { InvoiceLineTax } from '../invoice/invoice-line-tax.entity.js';
import { InvoiceLine } from '../invoice/invoice-line.entity.js';
import { Invoice, InvoiceStatus } from '../invoice/invoice.entity.js';
import { updateSettlement } from '../invoice/invoice-status.js';
import { lockedInvoice } from '../invoice/ledger-lock.js';
import { takeNumbers } from '../invoice/numbering.js';
import { sumMinor, validAmount } from '../money/amount.js';
import { applyCredit } from '../payment/credit.service.js';
import { releaseAllocations } from '../payment/release.js';
import { afterSettlement } from '../payment/settlement-hooks.js';
import { settingsOf } from '../settings/billing-settings.service.js';
import { creditedTax, type CreditableLine } from './credit-note-tax.js';
import { CreditNoteLine } from './credit-note-line.entity.js';
import { CreditNote } from './credit-note.entity.js';
import { CreditNoteErrors } from './credit-note.errors.js';

export interface CreditNoteRequest {
  invoiceId: string;
  reason: string;
  /** Net amounts (before tax) to credit on given lines of the invoice… */
  lines?: { invoiceLineId: string; amountMinor: number }[] | null;
  /** …or everything still creditable on every line. */
  whole?: boolean | null;
}

interface LineState extends CreditableLine {
  line: InvoiceLine;
}

async function lineStates(em: EntityManager, invoice: Invoice): Promise<Map<string, LineState>> {
  const lines = await em.find(InvoiceLine, { invoiceId: invoice.id }, { orderBy: { position: 'asc' } });
  const taxes = await em.find(InvoiceLineTax, { invoiceId: invoice.id });
  const credited = await em.execute<{ invoice_line_id: string; amount: string; tax: string }[]>(
    `select cnl.invoice_line_id, sum(cnl.amount_minor) as amount, sum(cnl.tax_minor) as tax
     from credit_note_line cnl join credit_note cn on cn.id = cnl.credit_note_id
     where cn.invoice_id = ? group by cnl.invoice_line_id`,
    [invoice.id],
  );
  const creditedByLine = new Map(credited.map((row) => [row.invoice_line_id, row]));
  return new Map(
    lines.map((line) => [
      line.id,
      {
        line,
        amountMinor: line.amountMinor,
        taxMinor: line.taxMinor,
        rateTaxesMinor: taxes.filter((tax) => tax.lineId === line.id).map((tax) => tax.amountMinor),
        creditedAmountMinor: Number(creditedByLine.get(line.id)?.amount ?? 0),
        creditedTaxMinor: Number(creditedByLine.get(line.id)?.tax ?? 0),
      },
    ]),
  );
}

/** Which lines this credit note credits, by how much (net), checked against what is left on each. */
function requestedCredits(request: CreditNoteRequest, states: Map<string, LineState>, invoice: Invoice): Array<[LineState, number]> {
  if (request.whole) {
    const credits = [...states.values()]
      .map((state): [LineState, number] => [state, state.amountMinor - state.creditedAmountMinor])
      .filter(([, amount]) => amount > 0);
    if (!credits.length) throw CreditNoteErrors.nothingLeft(invoice.number);
    return credits;
  }
  const seen = new Set<string>();
  return request.lines!.map((requested, index) => {
    const field = `lines.${index}`;
    const state = states.get(requested.invoiceLineId);
    if (!state) throw CreditNoteErrors.lineNotOnInvoice(`${field}.invoiceLineId`);
    if (seen.has(requested.invoiceLineId)) throw CreditNoteErrors.lineTwice(`${field}.invoiceLineId`);
    seen.add(requested.invoiceLineId);
    const amount = validAmount(requested.amountMinor, `${field}.amount`);
    const remaining = state.amountMinor - state.creditedAmountMinor;
    if (amount > remaining) throw CreditNoteErrors.exceedsRemaining(`${field}.amount`, remaining);
    return [state, amount];
  });
}

/**
 * Issues a credit note against an issued invoice: per line, a net amount up to what earlier credit
 * notes left, with its taxes (see `creditedTax`). The invoice's credited amount grows; when credited
 * plus paid would exceed its total, the excess goes back from its payments to account credit, which
 * is then applied to the subscriber's other open invoices. The invoice's amounts never change.
 */
export async function issueCreditNote(em: EntityManager, tenantId: string, request: CreditNoteRequest): Promise<{ creditNote: CreditNote; invoice: Invoice }> {
  const reason = request.reason.trim();
  if (reason.length < 1 || reason.length > 500) throw CreditNoteErrors.reason();
  if (Boolean(request.whole) === Boolean(request.lines?.length)) throw CreditNoteErrors.wholeOrLines();
  const invoice = await lockedInvoice(em, request.invoiceId);
  if (invoice.status === InvoiceStatus.DRAFT) throw CreditNoteErrors.draft();
  if (invoice.status === InvoiceStatus.VOID) throw CreditNoteErrors.isVoid(invoice.number);
  const credits = requestedCredits(request, await lineStates(em, invoice), invoice);

  const lines = credits.map(([state, amountMinor]) => ({ state, amountMinor, taxMinor: creditedTax(state, amountMinor) }));
  const subtotalMinor = sumMinor(lines.map((line) => line.amountMinor));
  const taxMinor = sumMinor(lines.map((line) => line.taxMinor));
  const settings = await settingsOf(em, tenantId);
  const [number] = await takeNumbers(em, tenantId, 'credit_note', settings.creditNotePrefix);
  const creditNote = em.create(CreditNote, {
    tenantId, invoiceId: invoice.id, subscriberId: invoice.subscriberId, number, currency: invoice.currency, reason,
    issueDate: todayUtc(), subtotalMinor, taxMinor, totalMinor: subtotalMinor + taxMinor,
  });
  // Parent rows first: MikroORM cannot order inserts by foreign keys it does not know about.
  await em.flush();
  for (const { state, amountMinor, taxMinor: lineTaxMinor } of lines) {
    em.create(CreditNoteLine, {
      tenantId, creditNoteId: creditNote.id, invoiceLineId: state.line.id, description: state.line.description, amountMinor, taxMinor: lineTaxMinor,
    });
  }

  invoice.creditedMinor += creditNote.totalMinor;
  const excess = invoice.creditedMinor + invoice.paidMinor - invoice.totalMinor;
  if (excess > 0) await releaseAllocations(em, invoice, excess);
  updateSettlement(em, invoice);
  await em.flush();
  if (excess > 0) await applyCredit(em, tenantId, invoice.subscriberId);
  await afterSettlement(em, tenantId, invoice.subscriberId);
  recordEvent(em, 'billing.credit_note.issued', tenantId, {
    creditNoteId: creditNote.id, invoiceId: invoice.id, subscriberId: invoice.subscriberId, number: creditNote.number,
    currency: creditNote.currency, totalMinor: creditNote.totalMinor, releasedMinor: Math.max(0, excess),
  });
  return { creditNote, invoice };
}
