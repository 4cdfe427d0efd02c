import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import type { Role } from '@dotmac/kernel';

const ISSUER = 'dotmac';
const AUDIENCE = 'dotmac-graph';

export interface AccessClaims {
  userId: string;
  tenantId?: string;
  roles: Role[];
  sessionId: string;
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Short-lived HS256 access token. */
export async function signAccessToken(claims: AccessClaims, secret: Uint8Array, ttlSeconds: number): Promise<{ token: string; expiresAt: Date }> {
  const issuedAt = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({ tid: claims.tenantId ?? null, roles: claims.roles, sid: claims.sessionId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ttlSeconds)
    .sign(secret);
  return { token, expiresAt: new Date((issuedAt + ttlSeconds) * 1000) };
}

/** Verifies signature, issuer, audience and expiry; undefined for anything invalid. */
export async function verifyAccessToken(token: string, secret: Uint8Array): Promise<(AccessClaims & { expiresAt: number }) | undefined> {
  try {
    const { payload } = await jwtVerify(token, secret, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
    if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string' || !Array.isArray(payload.roles)) return undefined;
    return {
      userId: payload.sub,
      tenantId: typeof payload.tid === 'string' ? payload.tid : undefined,
      roles: payload.roles as Role[],
      sessionId: payload.sid,
      expiresAt: (payload.exp ?? 0) * 1000,
    };
  } catch {
    return undefined;
  }
}

/** Refresh tokens read `dmr_<sessionId>.<secret>`; API keys read `dmk_<keyId>_<secret>`. */
export const REFRESH_PREFIX = 'dmr_';
export const API_KEY_PREFIX = 'dmk_';

export function parseCompositeToken(token: string, prefix: string, separator: string): { id: string; secret: string } | undefined {
  if (!token.startsWith(prefix)) return undefined;
  const rest = token.slice(prefix.length);
  const cut = rest.indexOf(separator);
  if (cut <= 0) return undefined;
  const hex = rest.slice(0, cut);
  const secret = rest.slice(cut + 1);
  if (!/^[0-9a-f]{32}$/.test(hex) || secret.length < 20) return undefined;
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { id, secret };
}

export function compositeToken(prefix: string, id: string, separator: string, secret: string): string {
  return `${prefix}${id.replace(/-/g, '')}${separator}${secret}`;
}
