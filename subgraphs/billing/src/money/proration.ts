import { roundHalfUp } from './rounding.js';

/**
 * The part of `amountMinor` that `days` of a `periodDays`-day period are worth, by actual days:
 * 79.99 for 16 of 30 days = 42.66; 79.99 for 1 of 31 days = 2.58.
 */
export function prorate(amountMinor: number, days: number, periodDays: number): number {
  if (!Number.isInteger(days) || !Number.isInteger(periodDays) || periodDays <= 0 || days < 0 || days > periodDays) {
    throw new RangeError(`Cannot prorate ${days} of ${periodDays} days`);
  }
  if (days === periodDays) return amountMinor;
  return Number(roundHalfUp(BigInt(amountMinor) * BigInt(days), BigInt(periodDays)));
}
