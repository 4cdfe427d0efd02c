import { AppError, type EntityManager } from '@dotmac/kernel';
import { ensureAccount } from '../account/billing-account.service.js';
import { MAX_AMOUNT_MINOR, sumMinor } from '../money/amount.js';
import { validCurrency } from '../money/currency.js';
import { InvoiceLine } from './invoice-line.entity.js';
import { MAX_LINES_PER_INVOICE, priceLine, type LineRequest, type PricedLine } from './invoice-line.rules.js';
import { Invoice, InvoiceKind, InvoiceStatus } from './invoice.entity.js';
import { InvoiceErrors } from './invoice.errors.js';
import { lockedInvoice } from './ledger-lock.js';

const MAX_MEMO = 2000;

export interface NewInvoice {
  subscriberId: string;
  currency?: string | null;
  memo?: string | null;
  lines?: LineRequest[] | null;
}

function cleanMemo(memo: string | null | undefined): string | undefined {
  const trimmed = memo?.trim();
  if (!trimmed) return undefined;
  if (trimmed.length > MAX_MEMO) throw AppError.badInput(`A memo is at most ${MAX_MEMO} characters`, 'memo');
  return trimmed;
}

/** A draft's amounts follow its lines (no tax until it is issued). */
function setDraftTotals(invoice: Invoice, subtotalMinor: number, field: string): void {
  if (subtotalMinor > MAX_AMOUNT_MINOR) throw InvoiceErrors.tooLarge(field);
  invoice.subtotalMinor = subtotalMinor;
  invoice.taxMinor = 0;
  invoice.totalMinor = subtotalMinor;
}

function createLine(em: EntityManager, invoice: Invoice, line: PricedLine, position: number): InvoiceLine {
  return em.create(InvoiceLine, { tenantId: invoice.tenantId, invoiceId: invoice.id, position, ...line, taxMinor: 0 });
}

/** A manual draft invoice in the subscriber's one currency (its billing account is opened if needed). */
export async function createDraft(em: EntityManager, tenantId: string, input: NewInvoice): Promise<Invoice> {
  const currency = input.currency ? validCurrency(input.currency) : undefined;
  const memo = cleanMemo(input.memo);
  const requested = input.lines ?? [];
  if (requested.length > MAX_LINES_PER_INVOICE) throw InvoiceErrors.tooManyLines(MAX_LINES_PER_INVOICE);
  const priced = requested.map((line, index) => priceLine(line, `lines.${index}`));
  const account = await ensureAccount(em, tenantId, input.subscriberId, currency);
  const invoice = em.create(Invoice, { tenantId, subscriberId: input.subscriberId, kind: InvoiceKind.MANUAL, currency: account.currency, memo });
  setDraftTotals(invoice, sumMinor(priced.map((line) => line.amountMinor)), 'lines');
  // Parent rows first: MikroORM cannot order inserts by foreign keys it does not know about.
  await em.flush();
  priced.forEach((line, index) => createLine(em, invoice, line, index + 1));
  await em.flush();
  return invoice;
}

async function lockedDraft(em: EntityManager, invoiceId: string): Promise<Invoice> {
  const invoice = await lockedInvoice(em, invoiceId);
  if (invoice.status !== InvoiceStatus.DRAFT) throw InvoiceErrors.notDraft(invoice.number);
  return invoice;
}

export async function addDraftLine(em: EntityManager, invoiceId: string, request: LineRequest): Promise<Invoice> {
  const line = priceLine(request, 'line');
  const invoice = await lockedDraft(em, invoiceId);
  const lines = await em.find(InvoiceLine, { invoiceId });
  if (lines.length >= MAX_LINES_PER_INVOICE) throw InvoiceErrors.tooManyLines(MAX_LINES_PER_INVOICE);
  setDraftTotals(invoice, sumMinor(lines.map((existing) => existing.amountMinor)) + line.amountMinor, 'line');
  createLine(em, invoice, line, Math.max(0, ...lines.map((existing) => existing.position)) + 1);
  await em.flush();
  return invoice;
}

export async function removeDraftLine(em: EntityManager, lineId: string): Promise<Invoice> {
  const line = await em.findOne(InvoiceLine, { id: lineId });
  if (!line) throw InvoiceErrors.lineNotFound();
  const invoice = await lockedDraft(em, line.invoiceId);
  const rest = await em.find(InvoiceLine, { invoiceId: invoice.id, id: { $ne: lineId } });
  setDraftTotals(invoice, sumMinor(rest.map((other) => other.amountMinor)), 'lineId');
  em.remove(line);
  await em.flush();
  return invoice;
}
