import { addMonths, clampedDate, daysBetween, parts, type LocalDate } from '@dotmac/kernel';

export enum BillingInterval {
  MONTHLY = 'monthly',
  QUARTERLY = 'quarterly',
  ANNUAL = 'annual',
}

export const INTERVAL_MONTHS: Record<BillingInterval, number> = {
  [BillingInterval.MONTHLY]: 1,
  [BillingInterval.QUARTERLY]: 3,
  [BillingInterval.ANNUAL]: 12,
};

export enum BillingDayMode {
  /** Periods start on the subscription's start day (the 31st bills on the last day of shorter months). */
  ANNIVERSARY = 'anniversary',
  /** Periods start on a fixed day of the month; the first, partial period is prorated. */
  FIXED_DAY = 'fixed_day',
}

/** Everything that fixes a subscription's billing dates. */
export interface Schedule {
  startDate: LocalDate;
  intervalMonths: number;
  /** Day of month periods start on (1–31, clamped to shorter months). */
  billingDay: number;
  /** The first date a full period starts: the start date itself, or the first billing day after it. */
  anchorDate: LocalDate;
}

export interface Period {
  /** Index of the period: -1 is the partial first period of a fixed-day schedule, then 0, 1, 2, … */
  index: number;
  /** First day of the period. */
  start: LocalDate;
  /** First day after the period (exclusive end). */
  end: LocalDate;
  /** Days of the period that are billed. */
  days: number;
  /** Days of a full period here; `days / fullDays` of the price is charged. */
  fullDays: number;
}

/** The schedule of a subscription starting on `startDate` in the given mode. */
export function scheduleFor(startDate: LocalDate, interval: BillingInterval, mode: BillingDayMode, fixedDay?: number): Schedule {
  const intervalMonths = INTERVAL_MONTHS[interval];
  if (mode === BillingDayMode.ANNIVERSARY) return { startDate, intervalMonths, billingDay: parts(startDate).day, anchorDate: startDate };
  const day = fixedDay ?? 1;
  const { year, month } = parts(startDate);
  const sameMonth = clampedDate(year, month, day);
  const anchorDate = sameMonth >= startDate ? sameMonth : addMonths(sameMonth, 1, day);
  return { startDate, intervalMonths, billingDay: day, anchorDate };
}

/** Start of full period `index` (0 is the anchor). Always computed from the anchor, never chained. */
export function billingDate(schedule: Schedule, index: number): LocalDate {
  return addMonths(schedule.anchorDate, index * schedule.intervalMonths, schedule.billingDay);
}

/** The index of the first period to bill: -1 when a fixed-day schedule starts with a partial period. */
export const firstPeriodIndex = (schedule: Schedule): number => (schedule.anchorDate > schedule.startDate ? -1 : 0);

export function periodAt(schedule: Schedule, index: number): Period {
  if (index === -1) {
    const fullStart = billingDate(schedule, -1);
    return {
      index,
      start: schedule.startDate,
      end: schedule.anchorDate,
      days: daysBetween(schedule.startDate, schedule.anchorDate),
      fullDays: daysBetween(fullStart, schedule.anchorDate),
    };
  }
  const start = billingDate(schedule, index);
  const end = billingDate(schedule, index + 1);
  const days = daysBetween(start, end);
  return { index, start, end, days, fullDays: days };
}

/** The period containing `date` (the last one starting on or before it), never before the first. */
export function periodContaining(schedule: Schedule, date: LocalDate): Period {
  let index = firstPeriodIndex(schedule);
  // Jump close by whole months, then step: O(1) for any distance.
  if (date >= schedule.anchorDate) {
    const months = (parts(date).year - parts(schedule.anchorDate).year) * 12 + parts(date).month - parts(schedule.anchorDate).month;
    index = Math.max(0, Math.floor(months / schedule.intervalMonths) - 1);
  }
  while (billingDate(schedule, index + 1) <= date) index += 1;
  return periodAt(schedule, index);
}
