import { addDays, daysBetween, type LocalDate } from '@dotmac/kernel';
import { prorate } from '../money/proration.js';
import { PlanKind, type StoredUsageTier, type UsageAggregation } from '../plan/service-plan.entity.js';
import { BillingDayMode, type BillingInterval, periodAt, type Period, type Schedule } from '../schedule/billing-schedule.js';
import { scheduleOf } from '../subscription/subscription-schedule.js';
import { usageCharge, type UsageAggregate } from '../usage/usage-charge.js';
import { applicableRates, taxesOnLine, type RateForTax, type TaxProfile } from '../tax/tax-calculation.js';
import { InvoiceLineKind } from '../invoice/invoice-line.entity.js';

/** A subscription due for billing, with its plan and account, as the run reads it. */
export interface DueSubscription {
  id: string;
  subscriberId: string;
  quantity: number;
  priceOverrideMinor: number | null;
  startDate: LocalDate;
  endDate: LocalDate | null;
  billingDayMode: BillingDayMode;
  billingDay: number;
  anchorDate: LocalDate;
  nextPeriodIndex: number;
  nextBillDate: LocalDate;
  setupFeeBilled: boolean;
  plan: {
    id: string;
    name: string;
    kind: PlanKind;
    interval: BillingInterval | null;
    currency: string;
    priceMinor: number;
    setupFeeMinor: number;
    usageMetric: string | null;
    usageAggregation: UsageAggregation | null;
    usageUnit: string | null;
    usageTiers: StoredUsageTier[] | null;
  };
  account: TaxProfile & { currency: string };
}

export interface BuiltLine {
  kind: InvoiceLineKind;
  description: string;
  quantity: string;
  unitPriceMinor: string;
  amountMinor: number;
  periodStart: LocalDate | null;
  periodEnd: LocalDate | null;
  planId: string | null;
  taxes: { rate: RateForTax; amountMinor: number }[];
  taxMinor: number;
}

export interface BuiltInvoice {
  subscriptionId: string;
  subscriberId: string;
  currency: string;
  periodStart: LocalDate;
  periodEnd: LocalDate;
  issueDate: LocalDate;
  lines: BuiltLine[];
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
}

/** Where a subscription stands after a period is billed. */
export interface Advance {
  nextPeriodIndex: number;
  nextBillDate: LocalDate | null;
  setupFeeBilled: boolean;
  ended: boolean;
}

/** The subscription's schedule (a one-time plan bills once, on its start date). */
export function scheduleOfDue(subscription: DueSubscription): Schedule {
  return (
    scheduleOf(subscription, { kind: subscription.plan.kind, interval: subscription.plan.interval ?? undefined }) ?? {
      startDate: subscription.startDate,
      intervalMonths: 1,
      billingDay: subscription.billingDay,
      anchorDate: subscription.anchorDate,
    }
  );
}

/** The period the subscription bills next, cut at its end date when it ends inside it. */
export function nextPeriod(subscription: DueSubscription): Period & { lastDay: LocalDate } {
  if (subscription.plan.kind === PlanKind.ONE_TIME) {
    const day = subscription.nextBillDate;
    return { index: 0, start: day, end: addDays(day, 1), days: 1, fullDays: 1, lastDay: day };
  }
  const period = periodAt(scheduleOfDue(subscription), subscription.nextPeriodIndex);
  const lastDay = addDays(period.end, -1);
  if (subscription.endDate && subscription.endDate < lastDay) {
    return { ...period, days: daysBetween(period.start, subscription.endDate) + 1, lastDay: subscription.endDate };
  }
  return { ...period, lastDay };
}

/** The window whose usage the period's invoice charges: the period before it (billed in arrears). */
export function usageWindow(subscription: DueSubscription): { from: LocalDate; to: LocalDate } | undefined {
  if (!subscription.plan.usageMetric || subscription.plan.kind === PlanKind.ONE_TIME) return undefined;
  const schedule = scheduleOfDue(subscription);
  const first = schedule.anchorDate > schedule.startDate ? -1 : 0;
  if (subscription.nextPeriodIndex <= first) return undefined;
  const previous = periodAt(schedule, subscription.nextPeriodIndex - 1);
  return { from: previous.start, to: previous.end };
}

function line(kind: InvoiceLineKind, description: string, amountMinor: number, extra: Partial<BuiltLine> = {}): BuiltLine {
  return {
    kind,
    description,
    quantity: '1',
    unitPriceMinor: String(amountMinor),
    amountMinor,
    periodStart: null,
    periodEnd: null,
    planId: null,
    taxes: [],
    taxMinor: 0,
    ...extra,
  };
}

/**
 * The invoice for the subscription's next period: the plan (prorated by actual days when the
 * period is partial), the setup fee on the first invoice, usage of the previous period, each line
 * taxed by every applicable rate in effect on the issue date, each on its own. Pure: the run reads
 * and writes around it.
 */
export function buildInvoice(
  subscription: DueSubscription,
  rates: readonly RateForTax[],
  usage: UsageAggregate | undefined,
  issueDate: LocalDate,
): { invoice: BuiltInvoice; advance: Advance } {
  const { plan } = subscription;
  const period = nextPeriod(subscription);
  const unitPrice = subscription.priceOverrideMinor ?? plan.priceMinor;
  const fullAmount = unitPrice * subscription.quantity;
  const lines: BuiltLine[] = [];
  const planPeriod = { periodStart: period.start, periodEnd: addDays(period.lastDay, 1), planId: plan.id };
  if (plan.kind === PlanKind.ONE_TIME) {
    lines.push(line(InvoiceLineKind.ONE_TIME, plan.name, fullAmount, { quantity: String(subscription.quantity), unitPriceMinor: String(unitPrice), planId: plan.id }));
  } else if (period.days === period.fullDays) {
    lines.push(line(InvoiceLineKind.PLAN, `${plan.name} (${period.start} – ${period.lastDay})`, fullAmount, { ...planPeriod, quantity: String(subscription.quantity), unitPriceMinor: String(unitPrice) }));
  } else {
    lines.push(
      line(InvoiceLineKind.PRORATION, `${plan.name} (${period.start} – ${period.lastDay}, ${period.days} of ${period.fullDays} days)`, prorate(fullAmount, period.days, period.fullDays), planPeriod),
    );
  }
  if (!subscription.setupFeeBilled && plan.setupFeeMinor > 0) {
    lines.push(line(InvoiceLineKind.SETUP_FEE, `Setup fee: ${plan.name}`, plan.setupFeeMinor, { planId: plan.id }));
  }
  const window = usageWindow(subscription);
  const charge = window && usage ? usageCharge({ usageAggregation: plan.usageAggregation ?? undefined, usageTiers: plan.usageTiers ?? undefined }, usage) : null;
  if (window && charge && charge.amountMinor > 0) {
    lines.push(
      line(InvoiceLineKind.USAGE, `${plan.usageMetric} usage ${window.from} – ${addDays(window.to, -1)}: ${charge.quantity} ${plan.usageUnit ?? 'units'}`, charge.amountMinor, {
        quantity: charge.quantity,
        unitPriceMinor: '0',
        periodStart: window.from,
        periodEnd: window.to,
        planId: plan.id,
      }),
    );
  }
  const taxRates = applicableRates(rates, subscription.account, issueDate);
  for (const built of lines) {
    built.taxes = taxesOnLine(built.amountMinor, taxRates);
    built.taxMinor = built.taxes.reduce((sum, tax) => sum + tax.amountMinor, 0);
  }
  const subtotalMinor = lines.reduce((sum, built) => sum + built.amountMinor, 0);
  const taxMinor = lines.reduce((sum, built) => sum + built.taxMinor, 0);
  const ended = plan.kind === PlanKind.ONE_TIME || (subscription.endDate !== null && period.lastDay >= subscription.endDate);
  const nextIndex = subscription.nextPeriodIndex + 1;
  return {
    invoice: {
      subscriptionId: subscription.id,
      subscriberId: subscription.subscriberId,
      currency: plan.currency,
      periodStart: period.start,
      periodEnd: addDays(period.lastDay, 1),
      issueDate,
      lines,
      subtotalMinor,
      taxMinor,
      totalMinor: subtotalMinor + taxMinor,
    },
    advance: {
      nextPeriodIndex: nextIndex,
      nextBillDate: ended ? null : periodAt(scheduleOfDue(subscription), nextIndex).start,
      setupFeeBilled: true,
      ended,
    },
  };
}
