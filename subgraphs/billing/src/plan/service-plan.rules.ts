import { AppError } from '@dotmac/kernel';
import { formatScaledDecimal, parseScaledDecimal } from '../money/rounding.js';
import { MAX_AMOUNT_MINOR } from '../money/amount.js';
import { QUANTITY_SCALE, UNIT_PRICE_SCALE, type ScaledTier } from '../money/tiers.js';
import { validMetric } from '../usage/usage-metric.js';
import { PlanKind, type StoredUsageTier, type UsageAggregation } from './service-plan.entity.js';
import type { BillingInterval } from '../schedule/billing-schedule.js';

const PLAN_CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
/** 100 Gbit/s: anything faster is a typo. */
const MAX_KBPS = 100_000_000;
export const MAX_CONTRACT_MONTHS = 120;
export const MAX_TIERS = 20;

export function validPlanCode(code: string): string {
  const trimmed = code.trim();
  if (!PLAN_CODE.test(trimmed)) throw AppError.badInput('A plan code is 1–64 letters, digits, ".", "_" or "-"', 'code');
  return trimmed;
}

export function validPlanName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 200) throw AppError.badInput('Name must be 1–200 characters', 'name');
  return trimmed;
}

export function validDescription(description: string | null | undefined): string | undefined {
  const trimmed = description?.trim();
  if (!trimmed) return undefined;
  if (trimmed.length > 2000) throw AppError.badInput('Description is at most 2000 characters', 'description');
  return trimmed;
}

export function validSpeed(kbps: number | null | undefined, field: string): number | undefined {
  if (kbps == null) return undefined;
  if (!Number.isInteger(kbps) || kbps <= 0 || kbps > MAX_KBPS) throw AppError.badInput(`Speed must be a whole number of kbit/s between 1 and ${MAX_KBPS}`, field);
  return kbps;
}

export function validContractMonths(months: number): number {
  if (!Number.isInteger(months) || months < 0 || months > MAX_CONTRACT_MONTHS) {
    throw AppError.badInput(`Minimum contract is 0–${MAX_CONTRACT_MONTHS} months`, 'minContractMonths');
  }
  return months;
}

/** One-time plans have no interval and no minimum term; recurring plans need an interval. */
export function checkKindTerms(kind: PlanKind, interval: BillingInterval | null | undefined, minContractMonths: number): void {
  if (kind === PlanKind.RECURRING && !interval) throw AppError.badInput('A recurring plan needs a billing interval', 'interval');
  if (kind === PlanKind.ONE_TIME && interval) throw AppError.badInput('A one-time plan has no billing interval', 'interval');
  if (kind === PlanKind.ONE_TIME && minContractMonths > 0) throw AppError.badInput('A one-time plan has no minimum contract', 'minContractMonths');
}

export interface UsagePricingSpec {
  metric: string;
  aggregation: UsageAggregation;
  unit?: string | null;
  tiers: ReadonlyArray<{ upTo?: string | null; unitPrice: string }>;
}

export interface ValidUsagePricing {
  usageMetric: string;
  usageAggregation: UsageAggregation;
  usageUnit?: string;
  usageTiers: StoredUsageTier[];
}

/**
 * Graduated tiers as stored: canonical decimal strings, upper bounds strictly increasing and
 * positive, the last tier (and only it) open-ended, unit prices non-negative with at most six
 * decimals and at most MAX_AMOUNT_MINOR minor units per unit.
 */
export function validUsagePricing(spec: UsagePricingSpec): ValidUsagePricing {
  const usageMetric = validMetric(spec.metric, 'usagePricing.metric');
  const unit = spec.unit?.trim() || undefined;
  if (unit && unit.length > 32) throw AppError.badInput('A usage unit is at most 32 characters', 'usagePricing.unit');
  if (spec.tiers.length < 1 || spec.tiers.length > MAX_TIERS) throw AppError.badInput(`Usage pricing has 1–${MAX_TIERS} tiers`, 'usagePricing.tiers');
  let previous = 0n;
  const usageTiers = spec.tiers.map((tier, index): StoredUsageTier => {
    const field = `usagePricing.tiers.${index}`;
    const last = index === spec.tiers.length - 1;
    const unitPrice = parseScaledDecimal(tier.unitPrice, UNIT_PRICE_SCALE);
    if (unitPrice === undefined) throw AppError.badInput('A unit price is a non-negative decimal with at most 6 places', `${field}.unitPrice`);
    if (unitPrice > BigInt(MAX_AMOUNT_MINOR) * 10n ** BigInt(UNIT_PRICE_SCALE)) {
      throw AppError.badInput(`A unit price is at most ${MAX_AMOUNT_MINOR} minor units`, `${field}.unitPrice`);
    }
    const price = formatScaledDecimal(unitPrice, UNIT_PRICE_SCALE);
    if (tier.upTo == null || tier.upTo === '') {
      if (!last) throw AppError.badInput('Only the last tier is open-ended', `${field}.upTo`);
      return { upTo: null, unitPrice: price };
    }
    if (last) throw AppError.badInput('The last tier is open-ended: leave its upTo out', `${field}.upTo`);
    const upTo = parseScaledDecimal(tier.upTo, QUANTITY_SCALE);
    if (upTo === undefined) throw AppError.badInput('A tier bound is a non-negative decimal with at most 6 places', `${field}.upTo`);
    if (upTo <= previous) throw AppError.badInput('Tier bounds must be positive and strictly increasing', `${field}.upTo`);
    previous = upTo;
    return { upTo: formatScaledDecimal(upTo, QUANTITY_SCALE), unitPrice: price };
  });
  return { usageMetric, usageAggregation: spec.aggregation, usageUnit: unit, usageTiers };
}

/** Stored tiers as the integers `graduatedCharge` prices with. */
export function scaledTiers(tiers: readonly StoredUsageTier[]): ScaledTier[] {
  return tiers.map((tier) => ({
    upTo: tier.upTo === null ? null : parseScaledDecimal(tier.upTo, QUANTITY_SCALE)!,
    unitPrice: parseScaledDecimal(tier.unitPrice, UNIT_PRICE_SCALE)!,
  }));
}
