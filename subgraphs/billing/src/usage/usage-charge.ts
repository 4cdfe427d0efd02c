import { formatScaledDecimal } from '../money/rounding.js';
import { graduatedCharge, QUANTITY_SCALE } from '../money/tiers.js';
import { UsageAggregation, type ServicePlan } from '../plan/service-plan.entity.js';
import { scaledTiers } from '../plan/service-plan.rules.js';

/** A subscriber's usage of one metric over one period; quantities scaled by 10^QUANTITY_SCALE. */
export interface UsageAggregate {
  count: number;
  sum: bigint;
  max: bigint;
  uniqueCount: number;
}

export const NO_USAGE: UsageAggregate = Object.freeze({ count: 0, sum: 0n, max: 0n, uniqueCount: 0 });

export interface UsageCharge {
  /** The billed quantity, scaled by 10^QUANTITY_SCALE. */
  quantityScaled: bigint;
  /** The billed quantity as decimal text ("750"), for the invoice line. */
  quantity: string;
  /** Graduated price of the quantity, rounded once, in minor units. */
  amountMinor: number;
}

const SCALE = 10n ** BigInt(QUANTITY_SCALE);

/** The quantity a plan bills for: the aggregation it names, applied to the period's usage. */
export function billedQuantity(aggregation: UsageAggregation, usage: UsageAggregate): bigint {
  switch (aggregation) {
    case UsageAggregation.COUNT:
      return BigInt(usage.count) * SCALE;
    case UsageAggregation.SUM:
      return usage.sum;
    case UsageAggregation.MAX:
      return usage.max;
    case UsageAggregation.UNIQUE_COUNT:
      return BigInt(usage.uniqueCount) * SCALE;
  }
}

/**
 * What a plan charges for a period's usage: its aggregation picks the quantity, its graduated tiers
 * price it (750 GB over [100 @ 0.10, 400 @ 0.05, rest @ 0.01] = 32.50). Null for a plan without
 * usage pricing. Pure: the billing run calls it with `aggregateUsage` results.
 */
export function usageCharge(plan: Pick<ServicePlan, 'usageAggregation' | 'usageTiers'>, usage: UsageAggregate): UsageCharge | null {
  if (!plan.usageAggregation || !plan.usageTiers?.length) return null;
  const quantityScaled = billedQuantity(plan.usageAggregation, usage);
  return {
    quantityScaled,
    quantity: formatScaledDecimal(quantityScaled, QUANTITY_SCALE),
    amountMinor: graduatedCharge(quantityScaled, scaledTiers(plan.usageTiers)),
  };
}
