import { addDays, daysBetween, type LocalDate } from '@dotmac/kernel';
import { PlanKind, type ServicePlan } from '../plan/service-plan.entity.js';
import { INTERVAL_MONTHS, periodContaining, type Period, type Schedule } from '../schedule/billing-schedule.js';
import type { Subscription } from './subscription.entity.js';

/** The billing schedule of a subscription (null for a one-time plan, which has no periods). */
export function scheduleOf(
  subscription: Pick<Subscription, 'startDate' | 'billingDay' | 'anchorDate'>,
  plan: Pick<ServicePlan, 'kind' | 'interval'>,
): Schedule | null {
  if (plan.kind !== PlanKind.RECURRING || !plan.interval) return null;
  return {
    startDate: subscription.startDate,
    intervalMonths: INTERVAL_MONTHS[plan.interval],
    billingDay: subscription.billingDay,
    anchorDate: subscription.anchorDate,
  };
}

/** The first day without service: the day after `endDate`, or undefined while open-ended. */
export const serviceEndOf = (subscription: Pick<Subscription, 'endDate'>): LocalDate | undefined =>
  subscription.endDate ? addDays(subscription.endDate, 1) : undefined;

/**
 * The period running on `today` (the first one while the subscription has not started), cut at
 * the end of service; null for one-time plans and once service has ended.
 */
export function currentPeriodOf(subscription: Subscription, plan: Pick<ServicePlan, 'kind' | 'interval'>, today: LocalDate): Period | null {
  const schedule = scheduleOf(subscription, plan);
  if (!schedule) return null;
  const serviceEnd = serviceEndOf(subscription);
  if (serviceEnd && today >= serviceEnd) return null;
  const period = periodContaining(schedule, today < subscription.startDate ? subscription.startDate : today);
  if (!serviceEnd || serviceEnd >= period.end) return period;
  return { ...period, end: serviceEnd, days: daysBetween(period.start, serviceEnd) };
}
