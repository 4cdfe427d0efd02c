import { addDays, lockKey, recordEvents, type EntityManager, type LocalDate } from '@dotmac/kernel';
import { markOverdue } from '../invoice/invoice-overdue.service.js';
import { endedRows, recordSubscriptionsEnded } from '../subscription/subscription-events.js';
import { DunningAction } from './dunning-policy.entity.js';
import { policyOf } from './dunning-policy.service.js';

export interface DunningOutcome {
  markedOverdue: number;
  reminders: number;
  suspended: number;
  terminated: number;
}

interface ExecutedStep {
  invoice_id: string;
  subscriber_id: string;
}

/**
 * Records step `stepIndex` for every overdue invoice that reached it and has not had it: the unique
 * (invoice, step) makes each step happen exactly once, however often and wherever dunning runs.
 */
async function claimStep(em: EntityManager, tenantId: string, stepIndex: number, action: DunningAction, dueOnOrBefore: LocalDate): Promise<ExecutedStep[]> {
  return em.execute(
    `insert into dunning_action (id, tenant_id, invoice_id, subscriber_id, step_index, action, executed_at)
     select gen_random_uuid(), tenant_id, id, subscriber_id, ?, ?, now()
       from invoice
      where tenant_id = ? and status = 'overdue' and due_date <= ? and total_minor - credited_minor - paid_minor > 0
     on conflict (invoice_id, step_index) do nothing
     returning invoice_id, subscriber_id`,
    [stepIndex, action, tenantId, dueOnOrBefore],
  );
}

const jsonIds = (ids: Iterable<string>) => JSON.stringify([...new Set(ids)]);

async function suspend(em: EntityManager, tenantId: string, steps: ExecutedStep[]): Promise<number> {
  if (steps.length === 0) return 0;
  const newly = await em.execute<{ subscriber_id: string }[]>(
    `update billing_account set delinquent = true, delinquent_since = now(), updated_at = now()
      where tenant_id = ? and not delinquent and subscriber_id in (select jsonb_array_elements_text(?::jsonb)::uuid)
      returning subscriber_id`,
    [tenantId, jsonIds(steps.map((step) => step.subscriber_id))],
  );
  const invoiceOf = new Map(steps.map((step) => [step.subscriber_id, step.invoice_id]));
  await recordEvents(
    em,
    'billing.subscriber.delinquent',
    newly.map((row) => ({ tenantId, payload: { subscriberId: row.subscriber_id, tenantId, invoiceId: invoiceOf.get(row.subscriber_id), reason: 'unpaid invoice' } })),
  );
  return newly.length;
}

async function terminate(em: EntityManager, tenantId: string, steps: ExecutedStep[], asOf: LocalDate): Promise<number> {
  if (steps.length === 0) return 0;
  const subscribers = [...new Set(steps.map((step) => step.subscriber_id))];
  const ended = await em.execute<{ id: string; subscriber_id: string; end_date: string }[]>(
    `update subscription set status = 'cancelled', end_date = greatest(start_date, ?::date), next_bill_date = null, cancelled_at = now(), updated_at = now()
      where tenant_id = ? and status = 'active' and subscriber_id in (select jsonb_array_elements_text(?::jsonb)::uuid)
      returning id, subscriber_id, end_date::text as end_date`,
    [addDays(asOf, -1), tenantId, JSON.stringify(subscribers)],
  );
  await recordSubscriptionsEnded(em, tenantId, endedRows(ended), 'terminated for an unpaid invoice');
  await recordEvents(
    em,
    'billing.subscriber.terminated',
    subscribers.map((subscriberId) => ({ tenantId, payload: { subscriberId, tenantId, reason: 'unpaid invoice' } })),
  );
  return subscribers.length;
}

/**
 * One dunning pass of a tenant as of a date: overdue marking, then each step of the policy for the
 * invoices that reached it (due date + grace days + the step's days), each step once per invoice.
 * Runs in the caller's transaction; suspension and termination are published through the outbox.
 */
export async function runDunningPass(em: EntityManager, tenantId: string, asOf: LocalDate): Promise<DunningOutcome> {
  await lockKey(em, `dunning:${tenantId}`);
  const policy = await policyOf(em, tenantId);
  const overdue = await markOverdue(em, tenantId, asOf);
  const outcome: DunningOutcome = { markedOverdue: overdue.length, reminders: 0, suspended: 0, terminated: 0 };
  for (const [index, step] of policy.steps.entries()) {
    // Overdue starts the day after the due date; grace days follow; a step of N days fires N days after grace.
    const dueOnOrBefore = addDays(asOf, -(policy.graceDays + step.daysAfterGrace + 1));
    const executed = await claimStep(em, tenantId, index, step.action, dueOnOrBefore);
    if (step.action === DunningAction.REMINDER) {
      await recordEvents(
        em,
        'billing.invoice.reminder',
        executed.map((row) => ({ tenantId, payload: { invoiceId: row.invoice_id, subscriberId: row.subscriber_id } })),
      );
      outcome.reminders += executed.length;
    } else if (step.action === DunningAction.SUSPEND) {
      outcome.suspended += await suspend(em, tenantId, executed);
    } else {
      outcome.terminated += await terminate(em, tenantId, executed, asOf);
    }
  }
  return outcome;
}
