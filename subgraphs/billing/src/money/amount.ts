import { AppError } from '@dotmac/kernel';

/**
 * The largest single amount billing accepts, in minor units (10,000,000.00 in a two-digit
 * currency). Larger is refused as absurd, and every sum stays a safe integer and a GraphQL Int.
 */
export const MAX_AMOUNT_MINOR = 1_000_000_000;

/** An amount a client sent: a whole number of minor units within range. */
export function validAmount(value: number, field: string, { allowZero = false } = {}): number {
  if (!Number.isSafeInteger(value)) throw AppError.badInput('Amounts are whole minor units (e.g. 4266 for 42.66)', field);
  if (value < 0 || (!allowZero && value === 0)) throw AppError.badInput(`Amount must be ${allowZero ? 'zero or more' : 'positive'}`, field);
  if (value > MAX_AMOUNT_MINOR) throw AppError.badInput(`Amount exceeds the limit of ${MAX_AMOUNT_MINOR} minor units`, field);
  return value;
}

/** Sums minor-unit amounts exactly. */
export const sumMinor = (amounts: readonly number[]): number => amounts.reduce((total, amount) => total + amount, 0);
