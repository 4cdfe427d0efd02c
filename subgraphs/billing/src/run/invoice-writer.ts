import { randomUUID } from 'node:crypto';
import { addDays, executeBound, insertRows, recordEvents, type EntityManager } from '@dotmac/kernel';
import { takeNumbers } from '../invoice/numbering.js';
import { InvoiceStatus } from '../invoice/invoice.entity.js';
import type { Advance, BuiltInvoice } from './invoice-builder.js';

export interface IssueContext {
  tenantId: string;
  runId: string;
  invoicePrefix: string;
  dueDays: number;
}

interface Credit {
  paymentId: string;
  subscriberId: string;
  currency: string;
  available: number;
}

/** Open credit (unallocated payments) of these subscribers, oldest first, locked for this transaction. */
async function lockCredit(em: EntityManager, tenantId: string, subscriberIds: readonly string[]): Promise<Credit[]> {
  if (subscriberIds.length === 0) return [];
  const rows = await executeBound<{ id: string; subscriber_id: string; currency: string; unallocated_minor: string }>(
    em,
    `select id, subscriber_id, currency, unallocated_minor from payment
      where tenant_id = ? and unallocated_minor > 0
        and subscriber_id in (select jsonb_array_elements_text(?::jsonb)::uuid)
      order by received_at, id
      for update`,
    [tenantId, JSON.stringify([...new Set(subscriberIds)])],
  );
  return rows.map((row) => ({ paymentId: row.id, subscriberId: row.subscriber_id, currency: row.currency, available: Number(row.unallocated_minor) }));
}

export function statusFor(totalMinor: number, settledMinor: number): InvoiceStatus {
  if (settledMinor >= totalMinor) return InvoiceStatus.PAID;
  return settledMinor > 0 ? InvoiceStatus.PARTIALLY_PAID : InvoiceStatus.ISSUED;
}

type Allocation = { id: string; tenant_id: string; payment_id: string; invoice_id: string; amount_minor: number; reason: 'credit_applied'; created_at: string };

/** Earlier credit (overpayments) settles the new invoices, oldest payment first. */
function allocateCredit(tenantId: string, invoices: readonly (BuiltInvoice & { id: string })[], credits: Credit[], now: string): Allocation[] {
  const allocations: Allocation[] = [];
  for (const invoice of invoices) {
    let due = invoice.totalMinor;
    for (const credit of credits) {
      if (due === 0) break;
      if (credit.subscriberId !== invoice.subscriberId || credit.currency !== invoice.currency || credit.available === 0) continue;
      const amount = Math.min(due, credit.available);
      credit.available -= amount;
      due -= amount;
      allocations.push({ id: randomUUID(), tenant_id: tenantId, payment_id: credit.paymentId, invoice_id: invoice.id, amount_minor: amount, reason: 'credit_applied', created_at: now });
    }
  }
  return allocations;
}

/**
 * Writes a batch of built invoices as issued: their lines and taxes, then the invoices with numbers
 * from the tenant's series and earlier credit applied oldest first, the subscriptions advanced and
 * one `billing.invoice.issued` event each, all in the caller's transaction and in a fixed number of
 * statements whatever the batch size. Invoices go in last, already issued: their lines precede them
 * (the foreign key is checked at commit), so no issued invoice ever gains a line and no row is
 * written twice.
 */
export async function writeIssuedInvoices(
  em: EntityManager,
  context: IssueContext,
  batch: readonly { invoice: BuiltInvoice; advance: Advance }[],
): Promise<number> {
  if (batch.length === 0) return 0;
  const { tenantId } = context;
  const now = new Date().toISOString();
  const invoices = batch.map(({ invoice }) => ({ ...invoice, id: randomUUID() }));
  const lines = invoices.flatMap((invoice) => invoice.lines.map((line, position) => ({ ...line, id: randomUUID(), invoiceId: invoice.id, position })));

  await insertRows(
    em,
    'invoice_line',
    lines.map((line) => ({
      id: line.id,
      tenant_id: tenantId,
      invoice_id: line.invoiceId,
      position: line.position,
      kind: line.kind,
      description: line.description,
      quantity: line.quantity,
      unit_price_minor: line.unitPriceMinor,
      amount_minor: line.amountMinor,
      tax_minor: line.taxMinor,
      period_start: line.periodStart,
      period_end: line.periodEnd,
      plan_id: line.planId,
    })),
  );
  await insertRows(
    em,
    'invoice_line_tax',
    lines.flatMap((line) =>
      line.taxes.map((tax) => ({
        id: randomUUID(),
        tenant_id: tenantId,
        invoice_id: line.invoiceId,
        line_id: line.id,
        tax_rate_id: tax.rate.id,
        name: tax.rate.name,
        jurisdiction: tax.rate.jurisdiction,
        rate: tax.rate.rate,
        amount_minor: tax.amountMinor,
      })),
    ),
  );

  const allocations = allocateCredit(tenantId, invoices, await lockCredit(em, tenantId, invoices.map((invoice) => invoice.subscriberId)), now);
  const paidByInvoice = new Map<string, number>();
  for (const allocation of allocations) paidByInvoice.set(allocation.invoice_id, (paidByInvoice.get(allocation.invoice_id) ?? 0) + allocation.amount_minor);

  const numbers = await takeNumbers(em, tenantId, 'invoice', context.invoicePrefix, invoices.length);
  await insertRows(
    em,
    'invoice',
    invoices.map((invoice, i) => {
      const paid = paidByInvoice.get(invoice.id) ?? 0;
      return {
        id: invoice.id,
        tenant_id: tenantId,
        subscriber_id: invoice.subscriberId,
        subscription_id: invoice.subscriptionId,
        kind: 'subscription',
        period_start: invoice.periodStart,
        period_end: invoice.periodEnd,
        number: numbers[i],
        status: statusFor(invoice.totalMinor, paid),
        currency: invoice.currency,
        issue_date: invoice.issueDate,
        due_date: addDays(invoice.issueDate, context.dueDays),
        subtotal_minor: invoice.subtotalMinor,
        tax_minor: invoice.taxMinor,
        total_minor: invoice.totalMinor,
        credited_minor: 0,
        paid_minor: paid,
        billing_run_id: context.runId,
        created_at: now,
        issued_at: now,
      };
    }),
  );
  if (allocations.length) {
    await insertRows(em, 'payment_allocation', allocations);
    await executeBound(
      em,
      `update payment p set unallocated_minor = p.unallocated_minor - x.amount
         from (select payment_id, sum(amount_minor) as amount
                 from jsonb_to_recordset(?::jsonb) as a(payment_id uuid, amount_minor bigint) group by payment_id) x
        where p.id = x.payment_id`,
      [JSON.stringify(allocations)],
    );
  }
  await executeBound(
    em,
    `update subscription s set next_period_index = x.next_period_index, next_bill_date = x.next_bill_date,
            setup_fee_billed = x.setup_fee_billed, status = case when x.ended and s.status = 'active' then 'ended' else s.status end, updated_at = now()
       from jsonb_to_recordset(?::jsonb) as x(id uuid, next_period_index int, next_bill_date date, setup_fee_billed boolean, ended boolean)
      where s.id = x.id`,
    [
      JSON.stringify(
        batch.map(({ invoice, advance }) => ({
          id: invoice.subscriptionId,
          next_period_index: advance.nextPeriodIndex,
          next_bill_date: advance.nextBillDate,
          setup_fee_billed: advance.setupFeeBilled,
          ended: advance.ended,
        })),
      ),
    ],
  );
  await recordEvents(
    em,
    'billing.invoice.issued',
    invoices.map((invoice, i) => ({
      tenantId,
      payload: { invoiceId: invoice.id, number: numbers[i], subscriberId: invoice.subscriberId, totalMinor: invoice.totalMinor, currency: invoice.currency },
    })),
  );
  return invoices.length;
}
