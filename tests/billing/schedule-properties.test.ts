import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, parts } from '@dotmac/kernel';
import { prorate } from '@dotmac/billing/money/proration';
import { BillingDayMode, BillingInterval, firstPeriodIndex, periodAt, periodContaining, scheduleFor } from '@dotmac/billing/schedule/billing-schedule';
import { MAX_AMOUNT_MINOR } from '@dotmac/billing/money/amount';

const startDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

const scheduleArb = fc.record({
  start: startDate,
  mode: fc.constantFrom(BillingDayMode.ANNIVERSARY, BillingDayMode.FIXED_DAY),
  day: fc.integer({ min: 1, max: 31 }),
});

describe('proration, for any amount and any split of a period', () => {
  it('adds the prorated parts up to the full price within one minor unit per part', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_AMOUNT_MINOR }),
        fc.integer({ min: 28, max: 366 }),
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 12 }),
        (amount, periodDays, weights) => {
          // Cut the period into parts proportional to the weights, every day in exactly one part.
          const total = weights.reduce((sum, weight) => sum + weight, 0);
          const cuts = weights.map((_, i) => Math.floor((periodDays * weights.slice(0, i + 1).reduce((s, w) => s + w, 0)) / total));
          const parts = cuts.map((cut, i) => cut - (i === 0 ? 0 : cuts[i - 1]!));
          expect(parts.reduce((sum, days) => sum + days, 0)).toBe(periodDays);
          const prorated = parts.map((days) => prorate(amount, days, periodDays));
          const sum = prorated.reduce((s, part) => s + part, 0);
          expect(Math.abs(sum - amount)).toBeLessThanOrEqual(parts.length);
          for (const part of prorated) expect(Number.isSafeInteger(part) && part >= 0 && part <= amount).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('monthly schedules, for any start date, mode and billing day', () => {
  it('bill on strictly increasing dates, contiguous periods, each month exactly once', () => {
    fc.assert(
      fc.property(scheduleArb, ({ start, mode, day }) => {
        const schedule = scheduleFor(start, BillingInterval.MONTHLY, mode, day);
        const first = firstPeriodIndex(schedule);
        const periods = Array.from({ length: 60 }, (_, i) => periodAt(schedule, first + i));
        expect(periods[0]!.start).toBe(start);
        const months = new Set<string>();
        for (let i = 0; i < periods.length; i += 1) {
          const period = periods[i]!;
          expect(period.end > period.start).toBe(true);
          expect(period.days).toBeGreaterThan(0);
          expect(period.days).toBeLessThanOrEqual(period.fullDays);
          if (i > 0) expect(period.start).toBe(periods[i - 1]!.end);
          if (period.index >= 0) {
            months.add(period.start.slice(0, 7));
            const expectedDay = Math.min(schedule.billingDay, new Date(Date.UTC(parts(period.start).year, parts(period.start).month, 0)).getUTCDate());
            expect(parts(period.start).day).toBe(expectedDay);
          }
        }
        const full = periods.filter((period) => period.index >= 0);
        expect(months.size).toBe(full.length);
        for (let i = 1; i < full.length; i += 1) {
          const previous = parts(full[i - 1]!.start);
          const current = parts(full[i]!.start);
          expect(current.year * 12 + current.month).toBe(previous.year * 12 + previous.month + 1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('place every day after the start in exactly the period that contains it', () => {
    fc.assert(
      fc.property(scheduleArb, fc.integer({ min: 0, max: 2000 }), ({ start, mode, day }, offset) => {
        const schedule = scheduleFor(start, BillingInterval.MONTHLY, mode, day);
        const date = addDays(start, offset);
        const period = periodContaining(schedule, date);
        expect(period.start <= date && date < period.end).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
