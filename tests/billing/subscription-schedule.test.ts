import { describe, expect, it } from 'vitest';
import { PlanKind } from '@dotmac/billing/plan/service-plan.entity';
import { BillingDayMode, BillingInterval, scheduleFor } from '@dotmac/billing/schedule/billing-schedule';
import { Subscription } from '@dotmac/billing/subscription/subscription.entity';
import { currentPeriodOf, scheduleOf } from '@dotmac/billing/subscription/subscription-schedule';

const monthly = { kind: PlanKind.RECURRING, interval: BillingInterval.MONTHLY };

function subscriptionFrom(startDate: string, mode: BillingDayMode, day?: number, endDate?: string): Subscription {
  const schedule = scheduleFor(startDate, BillingInterval.MONTHLY, mode, day);
  return Object.assign(new Subscription(), { startDate, billingDayMode: mode, billingDay: schedule.billingDay, anchorDate: schedule.anchorDate, endDate });
}

describe('the current period of a subscription', () => {
  it('rebuilds the schedule from the stored anchor and billing day', () => {
    const subscription = subscriptionFrom('2026-01-31', BillingDayMode.ANNIVERSARY);
    expect(scheduleOf(subscription, monthly)).toEqual(scheduleFor('2026-01-31', BillingInterval.MONTHLY, BillingDayMode.ANNIVERSARY));
    expect(scheduleOf(subscription, { kind: PlanKind.ONE_TIME, interval: undefined })).toBeNull();
  });

  it('is the period running today, the first one before the start, and none after the end', () => {
    const subscription = subscriptionFrom('2026-01-15', BillingDayMode.FIXED_DAY, 1);
    expect(currentPeriodOf(subscription, monthly, '2026-01-01')).toMatchObject({ start: '2026-01-15', end: '2026-02-01', days: 17, fullDays: 31 });
    expect(currentPeriodOf(subscription, monthly, '2026-02-28')).toMatchObject({ start: '2026-02-01', end: '2026-03-01', days: 28 });
    expect(currentPeriodOf(subscription, { kind: PlanKind.ONE_TIME, interval: undefined }, '2026-02-28')).toBeNull();
  });

  it('is cut at the last day of service of a cancelled subscription', () => {
    const subscription = subscriptionFrom('2026-01-31', BillingDayMode.ANNIVERSARY, undefined, '2026-03-15');
    expect(currentPeriodOf(subscription, monthly, '2026-03-01')).toMatchObject({ start: '2026-02-28', end: '2026-03-16', days: 16, fullDays: 31 });
    expect(currentPeriodOf(subscription, monthly, '2026-03-15')).toMatchObject({ end: '2026-03-16' });
    expect(currentPeriodOf(subscription, monthly, '2026-03-16')).toBeNull();
  });
});
