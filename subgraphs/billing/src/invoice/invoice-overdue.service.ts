import { recordEvent, type EntityManager, type LocalDate } from '@dotmac/kernel';

export interface OverdueInvoice {
  invoiceId: string;
  subscriberId: string;
  number: string;
  dueDate: LocalDate;
  balanceDueMinor: number;
}

const PAST_DUE = `tenant_id = ? and status in ('issued', 'partially_paid') and due_date < ?::date
  and total_minor - credited_minor - paid_minor > 0`;

/**
 * Moves the tenant's issued and partially paid invoices whose due date is before `asOf` and that
 * still owe money to `overdue`, and records `billing.invoice.overdue` for each. Two statements
 * whatever the number of invoices; the subscribers' ledgers are locked first (lock order). Meant
 * for the dunning scheduler; returns the invoices it moved.
 */
export async function markOverdue(em: EntityManager, tenantId: string, asOf: LocalDate): Promise<OverdueInvoice[]> {
  await em.execute(
    `select 1 from billing_account where subscriber_id in (select subscriber_id from invoice where ${PAST_DUE})
     order by subscriber_id for update`,
    [tenantId, asOf],
  );
  const rows = await em.execute<{ id: string; subscriber_id: string; number: string; due_date: string; balance: string }[]>(
    `update invoice set status = 'overdue' where ${PAST_DUE}
     returning id, subscriber_id, number, to_char(due_date, 'YYYY-MM-DD') as due_date, total_minor - credited_minor - paid_minor as balance`,
    [tenantId, asOf],
  );
  const moved = rows.map((row) => ({
    invoiceId: row.id,
    subscriberId: row.subscriber_id,
    number: row.number,
    dueDate: row.due_date,
    balanceDueMinor: Number(row.balance),
  }));
  for (const invoice of moved) recordEvent(em, 'billing.invoice.overdue', tenantId, { ...invoice, tenantId });
  return moved;
}
