import { addDays, recordEvent, todayUtc, type EntityManager, type LocalDate } from '@dotmac/kernel';
import { BillingAccount } from '../account/billing-account.entity.js';
import { DEFAULT_DUNNING_POLICY, DunningPolicy } from '../dunning/dunning-policy.entity.js';
import { MAX_AMOUNT_MINOR, sumMinor } from '../money/amount.js';
import { applyCredit } from '../payment/credit.service.js';
import { settingsOf } from '../settings/billing-settings.service.js';
import { applicableRates, taxesOnLine } from '../tax/tax-calculation.js';
import { TaxRate } from '../tax/tax-rate.entity.js';
import { InvoiceLineTax } from './invoice-line-tax.entity.js';
import { InvoiceLine } from './invoice-line.entity.js';
import { Invoice, InvoiceStatus } from './invoice.entity.js';
import { InvoiceErrors } from './invoice.errors.js';
import { lockedInvoice, lockLedgers } from './ledger-lock.js';
import { takeNumbers } from './numbering.js';

/** What issuing needs from the tenant, loaded once for a batch of invoices. */
export interface IssueContext {
  invoicePrefix: string;
  /** Days from the issue date to the due date (the tenant's dunning policy). */
  dueDays: number;
  /** All of the tenant's tax rates; each invoice picks those that apply to it on its issue date. */
  rates: TaxRate[];
}

export async function loadIssueContext(em: EntityManager, tenantId: string): Promise<IssueContext> {
  const settings = await settingsOf(em, tenantId);
  const policy = await em.findOne(DunningPolicy, { tenantId });
  const rates = await em.find(TaxRate, { tenantId });
  return { invoicePrefix: settings.invoicePrefix, dueDays: policy?.dueDays ?? DEFAULT_DUNNING_POLICY.dueDays, rates };
}

/**
 * Issues a draft inside the caller's transaction: taxes every line with each rate that applies to the
 * subscriber on `issueDate` (each rate on each line rounded on its own), fixes the totals and the due
 * date, and takes the tenant's next invoice number. Locks the subscriber's ledger first (see
 * `lockLedgers` for the lock order). Credit is NOT applied here: call `applyCredit` after issuing
 * (the `issueInvoice` mutation does). A rollback of the transaction gives the number back.
 */
export async function issueDraft(em: EntityManager, invoice: Invoice, issueDate: LocalDate, context?: IssueContext): Promise<Invoice> {
  await lockLedgers(em, [invoice.subscriberId]);
  if (invoice.status !== InvoiceStatus.DRAFT) throw InvoiceErrors.notDraft(invoice.number);
  const lines = await em.find(InvoiceLine, { invoiceId: invoice.id }, { orderBy: { position: 'asc' } });
  if (!lines.length) throw InvoiceErrors.empty();
  const issuing = context ?? (await loadIssueContext(em, invoice.tenantId));
  const account = await em.findOneOrFail(BillingAccount, { subscriberId: invoice.subscriberId });
  const rates = applicableRates(issuing.rates, account, issueDate);
  for (const line of lines) {
    const taxes = taxesOnLine(line.amountMinor, rates).filter((tax) => tax.amountMinor > 0);
    line.taxMinor = sumMinor(taxes.map((tax) => tax.amountMinor));
    for (const { rate, amountMinor } of taxes) {
      em.create(InvoiceLineTax, {
        tenantId: invoice.tenantId,
        invoiceId: invoice.id,
        lineId: line.id,
        taxRateId: rate.id,
        name: rate.name,
        jurisdiction: rate.jurisdiction,
        rate: rate.rate,
        amountMinor,
      });
    }
  }
  // Lines and their taxes are written while the invoice is still a draft: the freeze triggers refuse them after.
  await em.flush();
  const subtotalMinor = sumMinor(lines.map((line) => line.amountMinor));
  if (subtotalMinor > MAX_AMOUNT_MINOR) throw InvoiceErrors.tooLarge('lines');
  const taxMinor = sumMinor(lines.map((line) => line.taxMinor));
  const [number] = await takeNumbers(em, invoice.tenantId, 'invoice', issuing.invoicePrefix);
  Object.assign(invoice, {
    number,
    issueDate,
    dueDate: addDays(issueDate, issuing.dueDays),
    subtotalMinor,
    taxMinor,
    totalMinor: subtotalMinor + taxMinor,
    issuedAt: new Date(),
  });
  invoice.status = invoice.totalMinor === 0 ? InvoiceStatus.PAID : InvoiceStatus.ISSUED;
  await em.flush();
  recordEvent(em, 'billing.invoice.issued', invoice.tenantId, {
    invoiceId: invoice.id,
    subscriberId: invoice.subscriberId,
    number,
    currency: invoice.currency,
    totalMinor: invoice.totalMinor,
    issueDate,
    dueDate: invoice.dueDate,
  });
  return invoice;
}

/** The `issueInvoice` mutation: issue one draft, then apply the subscriber's credit to it. */
export async function issueInvoice(em: EntityManager, invoiceId: string, issueDate: LocalDate = todayUtc()): Promise<Invoice> {
  const invoice = await lockedInvoice(em, invoiceId);
  await issueDraft(em, invoice, issueDate);
  await applyCredit(em, invoice.tenantId, invoice.subscriberId, [invoice]);
  return invoice;
}
