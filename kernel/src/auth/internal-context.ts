import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Viewer } from './viewer.js';

/** Header the gateway sets on every subgraph request; subgraphs refuse requests without a valid one. */
export const INTERNAL_CONTEXT_HEADER = 'x-dotmac-context';

/** How long a signed context stays valid: long enough for one request, short enough to limit replay. */
const MAX_AGE_MS = 60_000;

export interface InternalContext {
  viewer: Viewer;
  requestId: string;
  /** Milliseconds since epoch when the gateway signed it. */
  issuedAt: number;
}

function sign(payload: string, key: string): string {
  return createHmac('sha256', key).update(payload).digest('base64url');
}

/** Serialises and signs the context: `<base64url(json)>.<hmac-sha256>`. */
export function signInternalContext(context: Omit<InternalContext, 'issuedAt'>, key: string, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ ...context, issuedAt: now })).toString('base64url');
  return `${payload}.${sign(payload, key)}`;
}

/**
 * Verifies and decodes a signed context. Returns undefined for a missing, malformed, forged or
 * expired header: the caller answers UNAUTHENTICATED, never trusting an unsigned viewer.
 */
export function verifyInternalContext(header: string | undefined, key: string, now = Date.now()): InternalContext | undefined {
  if (!header) return undefined;
  const dot = header.indexOf('.');
  if (dot <= 0) return undefined;
  const payload = header.slice(0, dot);
  const given = Buffer.from(header.slice(dot + 1));
  const expected = Buffer.from(sign(payload, key));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const context = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as InternalContext;
    if (typeof context.issuedAt !== 'number' || Math.abs(now - context.issuedAt) > MAX_AGE_MS) return undefined;
    if (!context.viewer || !Array.isArray(context.viewer.roles)) return undefined;
    return context;
  } catch {
    return undefined;
  }
}
