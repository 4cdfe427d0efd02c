import { AppError } from '@dotmac/kernel';

const KNOWN = new Set(Intl.supportedValuesOf('currency'));

/** Minor-unit digits of an ISO 4217 currency (2 for USD, 0 for JPY, 3 for KWD). */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** A known ISO 4217 code, upper-cased; anything else is a coded user error. */
export function validCurrency(code: string, field = 'currency'): string {
  const upper = code.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(upper) || !KNOWN.has(upper)) throw AppError.badInput(`Unknown currency "${code}"`, field);
  return upper;
}

/** "42.66" for 4266 USD minor units; "1200" for 1200 JPY. */
export function formatMinor(amountMinor: number, currency: string): string {
  const digits = minorDigits(currency);
  const negative = amountMinor < 0;
  const text = String(Math.abs(amountMinor)).padStart(digits + 1, '0');
  const whole = digits ? text.slice(0, -digits) : text;
  const fraction = digits ? `.${text.slice(-digits)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}
