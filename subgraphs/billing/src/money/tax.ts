import { roundHalfUp } from './rounding.js';

/** Tax rates are percentages with up to four decimals, held as integers scaled by 10^4 (7.25% = 72500). */
export const RATE_SCALE = 4;
const PERCENT_DENOMINATOR = 100n * 10n ** BigInt(RATE_SCALE);

/** One rate's tax on one line, rounded on its own (100.00 at 7.25% = 7.25). */
export function taxOnLine(baseMinor: number, rateScaled: bigint): number {
  return Number(roundHalfUp(BigInt(baseMinor) * rateScaled, PERCENT_DENOMINATOR));
}
