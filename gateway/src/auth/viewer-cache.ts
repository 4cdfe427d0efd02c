import type { Viewer } from '@dotmac/kernel/edge';
import { LRUCache } from 'lru-cache';
import type { TokenLookup } from './tenants-auth.client.js';

const MAX_CACHED_TOKENS = 10_000;

/**
 * Remembers resolved tokens for min(ttlMs, time left before the token expires), so a burst of
 * requests with one token costs one lookup; concurrent lookups of the same token share one call.
 * Failures are never cached: a rejected or unresolvable token is asked about again next time.
 * A short ttl bounds how long a revoked token keeps working.
 */
export class ViewerCache {
  private readonly cache: LRUCache<string, Viewer> | undefined;
  private readonly pending = new Map<string, Promise<Viewer>>();

  constructor(
    private readonly lookup: TokenLookup,
    ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.cache = ttlMs > 0 ? new LRUCache<string, Viewer>({ max: MAX_CACHED_TOKENS, ttl: ttlMs }) : undefined;
  }

  resolve(token: string, requestId: string): Promise<Viewer> {
    const cached = this.cache?.get(token);
    if (cached) return Promise.resolve(cached);
    const inFlight = this.pending.get(token);
    if (inFlight) return inFlight;
    const lookup = this.lookup(token, requestId)
      .then(({ viewer, expiresAt }) => {
        const frozen = Object.freeze({ ...viewer, roles: Object.freeze([...viewer.roles]) }) as Viewer;
        const ttl = Math.min(this.cache?.ttl ?? 0, expiresAt === null ? Infinity : expiresAt - this.now());
        if (ttl >= 1) this.cache?.set(token, frozen, { ttl });
        return frozen;
      })
      .finally(() => this.pending.delete(token));
    this.pending.set(token, lookup);
    return lookup;
  }

  clear(): void {
    this.cache?.clear();
  }
}
