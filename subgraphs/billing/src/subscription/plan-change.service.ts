import { AppError, daysBetween, type EntityManager, type LocalDate } from '@dotmac/kernel';
import { ensureAccount } from '../account/billing-account.service.js';
import { issueCreditNote } from '../credit-note/credit-note.service.js';
import type { CreditNote } from '../credit-note/credit-note.entity.js';
import { createDraft } from '../invoice/invoice-draft.service.js';
import { issueDraft } from '../invoice/invoice-issue.service.js';
import { InvoiceLine, InvoiceLineKind } from '../invoice/invoice-line.entity.js';
import { Invoice, InvoiceKind, InvoiceStatus } from '../invoice/invoice.entity.js';
import { lockLedgers } from '../invoice/ledger-lock.js';
import { prorate } from '../money/proration.js';
import { applyCredit } from '../payment/credit.service.js';
import { afterSettlement } from '../payment/settlement-hooks.js';
import { PlanKind, PlanStatus, ServicePlan } from '../plan/service-plan.entity.js';
import { periodContaining } from '../schedule/billing-schedule.js';
import { recordPlanChanged } from './subscription-events.js';
import { scheduleOf } from './subscription-schedule.js';
import { Subscription, SubscriptionStatus } from './subscription.entity.js';

export interface PlanChange {
  subscriptionId: string;
  planId: string;
  /** First day on the new plan; today by default. */
  effectiveDate?: LocalDate | null;
}

export interface PlanChangeOutcome {
  subscription: Subscription;
  /** Credit for the unused part of the old plan, when the period was already billed. */
  creditNote?: CreditNote;
  /** The new plan's charge for the rest of that period. */
  invoice?: Invoice;
}

async function newPlanFor(em: EntityManager, subscription: Subscription, oldPlan: ServicePlan, planId: string): Promise<ServicePlan> {
  const plan = await em.findOne(ServicePlan, { id: planId });
  if (!plan) throw AppError.notFound('ServicePlan');
  if (plan.id === oldPlan.id) throw AppError.badInput('The subscription is already on this plan', 'planId');
  if (plan.status === PlanStatus.ARCHIVED) throw AppError.badInput(`Plan ${plan.code} is archived and takes no new subscriptions`, 'planId');
  if (plan.kind !== PlanKind.RECURRING || oldPlan.kind !== PlanKind.RECURRING) throw AppError.badInput('Only recurring plans change mid-period', 'planId');
  if (plan.interval !== oldPlan.interval) {
    throw AppError.badInput(`Plans change within one billing interval (${oldPlan.interval}); cancel and subscribe to change the interval`, 'planId');
  }
  await ensureAccount(em, subscription.tenantId, subscription.subscriberId, plan.currency);
  return plan;
}

/** The plan line of the invoice that billed the period `effective` falls in. */
async function billedPlanLine(em: EntityManager, subscription: Subscription, periodStart: LocalDate): Promise<{ invoice: Invoice; line: InvoiceLine }> {
  const invoice = await em.findOne(Invoice, {
    subscriptionId: subscription.id,
    kind: InvoiceKind.SUBSCRIPTION,
    periodStart,
    status: { $ne: InvoiceStatus.VOID },
  });
  const line = invoice
    ? await em.findOne(InvoiceLine, { invoiceId: invoice.id, planId: subscription.planId, kind: { $in: [InvoiceLineKind.PLAN, InvoiceLineKind.PRORATION] } })
    : null;
  if (!invoice || !line?.periodStart || !line.periodEnd) throw AppError.conflict('The billed period has no plan charge to credit (was its invoice voided?)', 'effectiveDate');
  return { invoice, line };
}

/**
 * Moves a subscription to another plan of the same interval from `effectiveDate` on. Inside a
 * period already billed, the unused part of the old plan is credited (a credit note against that
 * period's invoice, by actual days) and the new plan's part of the rest of the period is charged
 * (an adjustment invoice, issued at once and settled from any credit); at the start of the next
 * period the plan simply changes. Later periods bill the new plan. A price override belonged to
 * the old plan and is dropped; no setup fee is charged for a change.
 */
export async function changeSubscriptionPlan(em: EntityManager, tenantId: string, change: PlanChange, today: LocalDate): Promise<PlanChangeOutcome> {
  const found = await em.findOne(Subscription, { id: change.subscriptionId });
  if (!found) throw AppError.notFound('Subscription');
  await lockLedgers(em, [found.subscriberId]);
  const subscription = await em.findOneOrFail(Subscription, { id: found.id }, { refresh: true });
  if (subscription.status !== SubscriptionStatus.ACTIVE || !subscription.nextBillDate) {
    throw AppError.conflict(`A ${subscription.status} subscription cannot change plan`, 'subscriptionId');
  }
  const oldPlan = await em.findOneOrFail(ServicePlan, { id: subscription.planId });
  const newPlan = await newPlanFor(em, subscription, oldPlan, change.planId);
  const effective = change.effectiveDate ?? today;
  if (effective < subscription.startDate) throw AppError.badInput('A plan change cannot take effect before the subscription starts', 'effectiveDate');
  if (subscription.endDate && effective > subscription.endDate) throw AppError.badInput('The subscription has ended by then', 'effectiveDate');

  const outcome: PlanChangeOutcome = { subscription };
  if (effective < subscription.nextBillDate) {
    const schedule = scheduleOf(subscription, oldPlan)!;
    const period = periodContaining(schedule, effective);
    if (period.end !== subscription.nextBillDate) {
      throw AppError.badInput(`Only the current billed period (from ${period.start}) or the next one (${subscription.nextBillDate}) can change plan`, 'effectiveDate');
    }
    const { invoice, line } = await billedPlanLine(em, subscription, period.start);
    const remainingDays = daysBetween(effective, line.periodEnd!);
    const credit = prorate(line.amountMinor, remainingDays, daysBetween(line.periodStart!, line.periodEnd!));
    if (credit > 0) {
      const reason = `Plan change to ${newPlan.name} from ${effective}: unused ${oldPlan.name} (${remainingDays} days)`;
      outcome.creditNote = (await issueCreditNote(em, tenantId, { invoiceId: invoice.id, reason, lines: [{ invoiceLineId: line.id, amountMinor: credit }] })).creditNote;
    }
    const charge = prorate(newPlan.priceMinor * subscription.quantity, remainingDays, period.fullDays);
    if (charge > 0) {
      const draft = await createDraft(em, tenantId, {
        subscriberId: subscription.subscriberId,
        memo: `Plan change from ${oldPlan.name} to ${newPlan.name}`,
        lines: [
          {
            description: `${newPlan.name} (${effective} – ${period.end}, ${remainingDays} of ${period.fullDays} days)`,
            quantity: '1',
            unitPrice: String(charge),
            kind: InvoiceLineKind.PRORATION,
          },
        ],
      });
      Object.assign(draft, { kind: InvoiceKind.ADJUSTMENT, subscriptionId: subscription.id, periodStart: effective, periodEnd: line.periodEnd });
      outcome.invoice = await issueDraft(em, draft, today);
      await applyCredit(em, tenantId, subscription.subscriberId);
      await afterSettlement(em, tenantId, subscription.subscriberId);
    }
  } else if (effective !== subscription.nextBillDate) {
    throw AppError.badInput(`A plan change takes effect within the billed period or on the next billing date (${subscription.nextBillDate})`, 'effectiveDate');
  }
  subscription.planId = newPlan.id;
  (subscription as { priceOverrideMinor?: number | null }).priceOverrideMinor = null;
  await em.flush();
  recordPlanChanged(em, subscription, oldPlan, newPlan, effective);
  return outcome;
}
