import { describe, expect, it } from 'vitest';
import { prorate } from '@dotmac/billing/money/proration';
import { taxesOnLine } from '@dotmac/billing/tax/tax-calculation';
import { BillingDayMode, BillingInterval, firstPeriodIndex, periodAt, scheduleFor } from '@dotmac/billing/schedule/billing-schedule';
import { UsageAggregation } from '@dotmac/billing/plan/service-plan.entity';
import { validUsagePricing } from '@dotmac/billing/plan/service-plan.rules';
import { NO_USAGE, usageCharge } from '@dotmac/billing/usage/usage-charge';
import { validRate } from '@dotmac/billing/tax/tax-rate.service';

const GB = 1_000_000n; // quantities are scaled by 10^6

describe('the worked examples of billing', () => {
  it('prorates by actual days: 79.99 for 16 of 30 days = 42.66, for 1 of 31 days = 2.58', () => {
    expect(prorate(7999, 16, 30)).toBe(4266);
    expect(prorate(7999, 1, 31)).toBe(258);
    expect(prorate(7999, 30, 30)).toBe(7999);
    expect(prorate(7999, 0, 30)).toBe(0);
  });

  it('30.00 from Jan 15 to Jan 31 inclusive = 16.45: the partial first period of a fixed-day schedule', () => {
    const schedule = scheduleFor('2026-01-15', BillingInterval.MONTHLY, BillingDayMode.FIXED_DAY, 1);
    expect(schedule.anchorDate).toBe('2026-02-01');
    const first = periodAt(schedule, firstPeriodIndex(schedule));
    expect(first).toEqual({ index: -1, start: '2026-01-15', end: '2026-02-01', days: 17, fullDays: 31 });
    expect(prorate(3000, first.days, first.fullDays)).toBe(1645);
    expect(periodAt(schedule, 0)).toMatchObject({ start: '2026-02-01', end: '2026-03-01', days: 28, fullDays: 28 });
  });

  it('stacks rates, each rounded on its own: 100.00 at 7.25% + 0.25% + 0.75% + 0.50% = 8.75 tax, 108.75 total', () => {
    const rates = ['7.25', '0.25', '0.75', '0.50'].map((rate, i) => ({ id: `r${i}`, name: `rate ${i}`, jurisdiction: 'US-X', rate, effectiveFrom: '2026-01-01' }));
    const taxes = taxesOnLine(10000, rates);
    expect(taxes.map((tax) => tax.amountMinor)).toEqual([725, 25, 75, 50]);
    const tax = taxes.reduce((sum, line) => sum + line.amountMinor, 0);
    expect(tax).toBe(875);
    expect(10000 + tax).toBe(10875);
  });

  it('prices 750 GB over [100 @ 0.10, 400 @ 0.05, rest @ 0.01] at 32.50', () => {
    // Tier bounds are cumulative (100, then 100 + 400 = 500); unit prices are minor units per GB.
    const pricing = validUsagePricing({
      metric: 'data_gb',
      aggregation: UsageAggregation.SUM,
      unit: 'GB',
      tiers: [{ upTo: '100', unitPrice: '10' }, { upTo: '500', unitPrice: '5' }, { unitPrice: '1' }],
    });
    const plan = { usageAggregation: pricing.usageAggregation, usageTiers: pricing.usageTiers };
    expect(usageCharge(plan, { ...NO_USAGE, sum: 750n * GB })).toEqual({ quantityScaled: 750n * GB, quantity: '750', amountMinor: 3250 });
    expect(usageCharge(plan, { ...NO_USAGE, sum: 100n * GB })?.amountMinor).toBe(1000);
    expect(usageCharge(plan, NO_USAGE)?.amountMinor).toBe(0);
    // A fraction of a GB is priced exactly and rounded once: 0.5 GB at 0.10 = 0.05.
    expect(usageCharge(plan, { ...NO_USAGE, sum: GB / 2n })?.amountMinor).toBe(5);
  });

  it('anniversary on Jan 31 bills Feb 28 (Feb 29 in 2028), Mar 31, Apr 30, … without skipping or doubling a month over 48 periods', () => {
    for (const [start, february] of [['2026-01-31', '2026-02-28'], ['2028-01-31', '2028-02-29']] as const) {
      const schedule = scheduleFor(start, BillingInterval.MONTHLY, BillingDayMode.ANNIVERSARY);
      const starts = Array.from({ length: 48 }, (_, index) => periodAt(schedule, index).start);
      expect(starts.slice(0, 4)).toEqual([start, february, `${start.slice(0, 4)}-03-31`, `${start.slice(0, 4)}-04-30`]);
      const months = starts.map((date) => date.slice(0, 7));
      expect(new Set(months).size).toBe(48);
      for (let index = 0; index < 48; index += 1) {
        const period = periodAt(schedule, index);
        expect(period.end).toBe(periodAt(schedule, index + 1).start);
        const [year, month] = [Number(start.slice(0, 4)), 1 + index];
        expect(period.start.slice(0, 7)).toBe(`${year + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, '0')}`);
      }
    }
  });
});

describe('plan and rate rules', () => {
  const tiers = (list: Array<{ upTo?: string | null; unitPrice: string }>) => () =>
    validUsagePricing({ metric: 'data_gb', aggregation: UsageAggregation.SUM, tiers: list });

  it('refuses tiers out of order, an open-ended tier before the last, a bounded last tier, bad prices', () => {
    expect(tiers([{ upTo: '500', unitPrice: '1' }, { upTo: '100', unitPrice: '1' }, { unitPrice: '1' }])).toThrow(/strictly increasing/);
    expect(tiers([{ upTo: '100', unitPrice: '1' }, { upTo: '100', unitPrice: '1' }, { unitPrice: '1' }])).toThrow(/strictly increasing/);
    expect(tiers([{ unitPrice: '1' }, { upTo: '100', unitPrice: '1' }])).toThrow(/Only the last tier/);
    expect(tiers([{ upTo: '100', unitPrice: '1' }])).toThrow(/last tier is open-ended/);
    expect(tiers([{ upTo: '0', unitPrice: '1' }, { unitPrice: '1' }])).toThrow(/positive/);
    expect(tiers([{ unitPrice: '-1' }])).toThrow(/non-negative/);
    expect(tiers([{ unitPrice: '0.0000001' }])).toThrow(/6 places/);
    expect(tiers([{ unitPrice: 'abc' }])).toThrow(/decimal/);
    expect(tiers([])).toThrow(/1–20 tiers/);
    expect(tiers([{ unitPrice: '0.000001' }])().usageTiers).toEqual([{ upTo: null, unitPrice: '0.000001' }]);
  });

  it('accepts rates strictly between 0 and 100 with up to 4 decimals, canonically written', () => {
    expect(validRate('7.2500')).toBe('7.25');
    expect(validRate('0.0001')).toBe('0.0001');
    expect(validRate('99.9999')).toBe('99.9999');
    for (const bad of ['0', '100', '100.5', '-1', '7.12345', 'seven', '']) expect(() => validRate(bad)).toThrow(/percent/);
  });

  it('picks the quantity by the plan aggregation', () => {
    const base = { usageTiers: [{ upTo: null, unitPrice: '100' }] };
    const usage = { count: 7, sum: 12n * GB, max: 5n * GB, uniqueCount: 3 };
    expect(usageCharge({ ...base, usageAggregation: UsageAggregation.COUNT }, usage)?.amountMinor).toBe(700);
    expect(usageCharge({ ...base, usageAggregation: UsageAggregation.SUM }, usage)?.amountMinor).toBe(1200);
    expect(usageCharge({ ...base, usageAggregation: UsageAggregation.MAX }, usage)?.amountMinor).toBe(500);
    expect(usageCharge({ ...base, usageAggregation: UsageAggregation.UNIQUE_COUNT }, usage)?.amountMinor).toBe(300);
    expect(usageCharge({ usageAggregation: undefined, usageTiers: undefined }, usage)).toBeNull();
  });
});
