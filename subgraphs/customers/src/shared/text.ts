import { AppError, normaliseEmail } from '@dotmac/kernel';

/** Trimmed text of 1..max characters, or BAD_USER_INPUT naming `field`. */
export function requiredText(value: string | null | undefined, field: string, label: string, max: number): string {
  const trimmed = (value ?? '').trim();
  if (trimmed.length < 1 || trimmed.length > max) throw AppError.badInput(`${label} must be 1–${max} characters`, field);
  return trimmed;
}

/** Trimmed text of at most max characters; empty or absent is null. */
export function optionalText(value: string | null | undefined, field: string, label: string, max: number): string | null {
  const trimmed = (value ?? '').trim();
  if (trimmed === '') return null;
  if (trimmed.length > max) throw AppError.badInput(`${label} must be at most ${max} characters`, field);
  return trimmed;
}

/** Normalised email, or null when empty or absent. */
export function optionalEmail(value: string | null | undefined, field = 'email'): string | null {
  if (value == null || value.trim() === '') return null;
  return normaliseEmail(value, field);
}

const PHONE = /^\+?[0-9 ().-]+$/;

/** A phone number as typed (digits, spaces, + ( ) . -) with 5–15 digits, or null when empty. */
export function optionalPhone(value: string | null | undefined, field = 'phone'): string | null {
  const trimmed = (value ?? '').trim();
  if (trimmed === '') return null;
  const digits = trimmed.replace(/\D/g, '').length;
  if (!PHONE.test(trimmed) || digits < 5 || digits > 15 || trimmed.length > 32) {
    throw AppError.badInput('Not a valid phone number (5–15 digits; + ( ) . - and spaces allowed)', field);
  }
  return trimmed;
}
