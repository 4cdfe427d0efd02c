import { AppError } from '../errors/app-error.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Trimmed, lower-cased email address, or BAD_USER_INPUT naming `field`. */
export function normaliseEmail(email: string, field = 'email'): string {
  const normalised = email.trim().toLowerCase();
  if (!EMAIL.test(normalised) || normalised.length > 254) throw AppError.badInput('Not a valid email address', field);
  return normalised;
}
