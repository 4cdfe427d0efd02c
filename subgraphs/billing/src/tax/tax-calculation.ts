import type { LocalDate } from '@dotmac/kernel';
import { parseScaledDecimal } from '../money/rounding.js';
import { RATE_SCALE, taxOnLine } from '../money/tax.js';

/** The parts of a tax rate the calculation needs. */
export interface RateForTax {
  id: string;
  name: string;
  jurisdiction: string;
  /** Percent as decimal text ("7.25"). */
  rate: string;
  effectiveFrom: LocalDate;
  effectiveTo?: LocalDate | null;
}

/** Where a subscriber pays tax and what it is exempt from ("*" exempts from everything). */
export interface TaxProfile {
  taxJurisdictions: readonly string[];
  taxExemptJurisdictions: readonly string[];
}

export const EXEMPT_FROM_ALL = '*';

/** The rates that apply to a subscriber on a date: its jurisdictions, in effect then, not exempted. */
export function applicableRates<R extends RateForTax>(rates: readonly R[], profile: TaxProfile, onDate: LocalDate): R[] {
  if (profile.taxExemptJurisdictions.includes(EXEMPT_FROM_ALL)) return [];
  return rates.filter(
    (rate) =>
      profile.taxJurisdictions.includes(rate.jurisdiction) &&
      !profile.taxExemptJurisdictions.includes(rate.jurisdiction) &&
      rate.effectiveFrom <= onDate &&
      (rate.effectiveTo == null || rate.effectiveTo >= onDate),
  );
}

export interface LineTax<R extends RateForTax = RateForTax> {
  rate: R;
  amountMinor: number;
}

/**
 * Every applicable rate taxes the line on its own and is rounded on its own: 100.00 at
 * 7.25% + 0.25% + 0.75% + 0.50% = 7.25 + 0.25 + 0.75 + 0.50 = 8.75.
 */
export function taxesOnLine<R extends RateForTax>(baseMinor: number, rates: readonly R[]): LineTax<R>[] {
  return rates.map((rate) => ({ rate, amountMinor: taxOnLine(baseMinor, parseScaledDecimal(rate.rate, RATE_SCALE)!) }));
}
