import { roundHalfUp } from './rounding.js';

/** Unit prices of usage tiers are minor units with up to six decimals (0.1 cent = "0.1"). */
export const UNIT_PRICE_SCALE = 6;
/** Quantities are measured with up to six decimals (e.g. GB). */
export const QUANTITY_SCALE = 6;

export interface ScaledTier {
  /** Upper bound of the tier (cumulative quantity, scaled by 10^QUANTITY_SCALE); null for the last tier. */
  upTo: bigint | null;
  /** Price per unit in minor units, scaled by 10^UNIT_PRICE_SCALE. */
  unitPrice: bigint;
}

/**
 * Graduated pricing: each tier prices only the quantity that falls inside it, and the sum is rounded
 * once. 750 GB over [100 @ 0.10, 400 @ 0.05, rest @ 0.01] = 10.00 + 20.00 + 2.50 = 32.50.
 */
export function graduatedCharge(quantity: bigint, tiers: readonly ScaledTier[]): number {
  let remainingFrom = 0n;
  let exact = 0n;
  for (const tier of tiers) {
    if (quantity <= remainingFrom) break;
    const top = tier.upTo === null || quantity < tier.upTo ? quantity : tier.upTo;
    exact += (top - remainingFrom) * tier.unitPrice;
    remainingFrom = top;
  }
  return Number(roundHalfUp(exact, 10n ** BigInt(QUANTITY_SCALE + UNIT_PRICE_SCALE)));
}
