import { randomUUID } from 'node:crypto';
import { addDays, recordEvents, type EntityManager } from '@dotmac/kernel';
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
  const rows = await em.execute<{ id: string; subscriber_id: string; currency: string; unallocated_minor: string }[]>(
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

/**
 * Writes a batch of built invoices as issued: their lines and taxes, then the invoices with numbers
 * from the tenant's series and earlier credit applied oldest first, the subscriptions advanced and
 * one `billing.invoice.issued` event each, all in the caller's transaction and in a fixed number of
 * statements whatever the batch size.
 */
export async function writeIssuedInvoices(
  em: EntityManager,
  context: IssueContext,
  batch: readonly { invoice: BuiltInvoice; advance: Advance }[],
): Promise<number> {
  if (batch.length === 0) return 0;
  const { tenantId } = context;
  const invoices = batch.map(({ invoice }) => ({ ...invoice, id: randomUUID() }));
  const lines = invoices.flatMap((invoice) => invoice.lines.map((line, position) => ({ ...line, id: randomUUID(), invoiceId: invoice.id, position })));

  await em.execute(
    `insert into invoice_line (id, tenant_id, invoice_id, position, kind, description, quantity, unit_price_minor, amount_minor,
                               tax_minor, period_start, period_end, plan_id)
     select id, ?, invoice_id, position, kind, description, quantity, unit_price_minor, amount_minor, tax_minor, period_start, period_end, plan_id
       from jsonb_to_recordset(?::jsonb) as x(id uuid, invoice_id uuid, position int, kind text, description text, quantity numeric,
            unit_price_minor numeric, amount_minor bigint, tax_minor bigint, period_start date, period_end date, plan_id uuid)`,
    [
      tenantId,
      JSON.stringify(
        lines.map((line) => ({
          id: line.id,
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
      ),
    ],
  );
  const taxes = lines.flatMap((line) =>
    line.taxes.map((tax) => ({
      id: randomUUID(),
      invoice_id: line.invoiceId,
      line_id: line.id,
      tax_rate_id: tax.rate.id,
      name: tax.rate.name,
      jurisdiction: tax.rate.jurisdiction,
      rate: tax.rate.rate,
      amount_minor: tax.amountMinor,
    })),
  );
  if (taxes.length) {
    await em.execute(
      `insert into invoice_line_tax (id, tenant_id, invoice_id, line_id, tax_rate_id, name, jurisdiction, rate, amount_minor)
       select id, ?, invoice_id, line_id, tax_rate_id, name, jurisdiction, rate, amount_minor
         from jsonb_to_recordset(?::jsonb) as x(id uuid, invoice_id uuid, line_id uuid, tax_rate_id uuid, name text, jurisdiction text,
              rate numeric, amount_minor bigint)`,
      [tenantId, JSON.stringify(taxes)],
    );
  }

  // Earlier credit (overpayments) settles the new invoices, oldest payment first.
  const credits = await lockCredit(em, tenantId, invoices.map((invoice) => invoice.subscriberId));
  const allocations: { id: string; payment_id: string; invoice_id: string; amount_minor: number }[] = [];
  const paidByInvoice = new Map<string, number>();
  for (const invoice of invoices) {
    let due = invoice.totalMinor;
    for (const credit of credits) {
      if (due === 0) break;
      if (credit.subscriberId !== invoice.subscriberId || credit.currency !== invoice.currency || credit.available === 0) continue;
      const amount = Math.min(due, credit.available);
      credit.available -= amount;
      due -= amount;
      allocations.push({ id: randomUUID(), payment_id: credit.paymentId, invoice_id: invoice.id, amount_minor: amount });
      paidByInvoice.set(invoice.id, (paidByInvoice.get(invoice.id) ?? 0) + amount);
    }
  }

  // Invoices go in last, already issued: their lines precede them (the foreign key is checked at
  // commit), so no issued invoice ever gains a line and no row is written twice.
  const numbers = await takeNumbers(em, tenantId, 'invoice', context.invoicePrefix, invoices.length);
  await em.execute(
    `insert into invoice (id, tenant_id, subscriber_id, subscription_id, kind, period_start, period_end, number, status, currency,
                          issue_date, due_date, subtotal_minor, tax_minor, total_minor, paid_minor, billing_run_id, created_at, issued_at)
     select id, ?, subscriber_id, subscription_id, 'subscription', period_start, period_end, number, status, currency,
            issue_date, due_date, subtotal_minor, tax_minor, total_minor, paid_minor, ?, now(), now()
       from jsonb_to_recordset(?::jsonb) as x(id uuid, subscriber_id uuid, subscription_id uuid, period_start date, period_end date,
            number text, status text, currency text, issue_date date, due_date date, subtotal_minor bigint, tax_minor bigint,
            total_minor bigint, paid_minor bigint)`,
    [
      tenantId,
      context.runId,
      JSON.stringify(
        invoices.map((invoice, i) => {
          const paid = paidByInvoice.get(invoice.id) ?? 0;
          return {
            id: invoice.id,
            subscriber_id: invoice.subscriberId,
            subscription_id: invoice.subscriptionId,
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
            paid_minor: paid,
          };
        }),
      ),
    ],
  );
  if (allocations.length) {
    await em.execute(
      `insert into payment_allocation (id, tenant_id, payment_id, invoice_id, amount_minor, reason, created_at)
       select id, ?, payment_id, invoice_id, amount_minor, 'credit_applied', now()
         from jsonb_to_recordset(?::jsonb) as x(id uuid, payment_id uuid, invoice_id uuid, amount_minor bigint)`,
      [tenantId, JSON.stringify(allocations)],
    );
    await em.execute(
      `update payment p set unallocated_minor = p.unallocated_minor - x.amount
         from (select payment_id, sum(amount_minor) as amount
                 from jsonb_to_recordset(?::jsonb) as a(payment_id uuid, amount_minor bigint) group by payment_id) x
        where p.id = x.payment_id`,
      [JSON.stringify(allocations)],
    );
  }
  await em.execute(
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

