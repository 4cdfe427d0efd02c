import { randomInt } from 'node:crypto';
import { AppError } from '@dotmac/kernel';

/** Lower-case only, so "Alice" and "alice" cannot be two users to the NAS and one to a person. */
const USERNAME = /^[a-z0-9][a-z0-9._@-]{2,63}$/;
const PASSWORD_MIN = 8;
const PASSWORD_MAX = 128;
/** Printable ASCII without space: what every NAS and CPE accepts in a PPPoE or hotspot secret. */
const PASSWORD_CHARS = /^[\x21-\x7e]+$/;
const GENERATED_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export function validUsername(username: string, field = 'username'): string {
  if (!USERNAME.test(username)) {
    throw AppError.badInput('A username is 3–64 characters: lower-case letters, digits and . _ @ -, starting with a letter or digit', field);
  }
  return username;
}

export function validPassword(password: string, field = 'password'): string {
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) throw AppError.badInput(`A password is ${PASSWORD_MIN}–${PASSWORD_MAX} characters`, field);
  if (!PASSWORD_CHARS.test(password)) throw AppError.badInput('A password uses printable ASCII characters without spaces', field);
  return password;
}

const pick = (length: number): string => Array.from({ length }, () => GENERATED_ALPHABET[randomInt(GENERATED_ALPHABET.length)]).join('');

/**
 * A username no other tenant can have chosen by accident: the first eight hex digits of the tenant
 * id, then ten random characters (the unique index settles the rare collision).
 */
export const generatedUsername = (tenantId: string): string => `${tenantId.replace(/-/g, '').slice(0, 8)}-${pick(10)}`;

/** 20 characters from an unambiguous alphabet (~98 bits). */
export const generatedPassword = (): string => pick(20);

