import { AppError } from '@dotmac/kernel';

/** A required name: trimmed, 1 to `max` characters. */
export function requiredText(value: string, field: string, max = 100): string {
  const trimmed = value.trim();
  if (trimmed.length < 1 || trimmed.length > max) throw AppError.badInput(`${field} must be 1–${max} characters`, field);
  return trimmed;
}

/** Optional text: trimmed, blank becomes null, at most `max` characters. */
export function optionalText(value: string | null | undefined, field: string, max = 500): string | null {
  if (value == null) return null;
  const trimmed = value.trim();
  if (trimmed.length > max) throw AppError.badInput(`${field} must be at most ${max} characters`, field);
  return trimmed || null;
}

/** `true` when an input object names the key, even with null (null clears, absent keeps). */
export const given = <T extends object>(input: T, key: keyof T): boolean => Object.prototype.hasOwnProperty.call(input, key) && input[key] !== undefined;
