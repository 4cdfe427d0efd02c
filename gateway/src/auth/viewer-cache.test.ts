import { describe, expect, it } from 'vitest';
import { AppError, Role, type Viewer } from '@dotmac/kernel';
import { presentedToken } from './request-viewer.js';
import type { ResolvedToken } from './tenants-auth.client.js';
import { ViewerCache } from './viewer-cache.js';

const viewer: Viewer = { kind: 'user', id: 'u1', tenantId: 't1', roles: [Role.SUPPORT_AGENT] };

function countingLookup(answer: () => Promise<ResolvedToken>) {
  const calls: string[] = [];
  const lookup = (token: string) => {
    calls.push(token);
    return answer();
  };
  return { calls, lookup };
}

describe('ViewerCache', () => {
  it('shares one lookup between concurrent requests with the same token', async () => {
    const { calls, lookup } = countingLookup(async () => ({ viewer, expiresAt: null }));
    const cache = new ViewerCache(lookup, 1000);
    const viewers = await Promise.all([cache.resolve('t', 'r1'), cache.resolve('t', 'r2'), cache.resolve('t', 'r3')]);
    expect(calls).toEqual(['t']);
    expect(viewers.every((resolved) => resolved.id === 'u1')).toBe(true);
  });

  it('reuses an answer until the ttl or the token expiry, whichever comes first', async () => {
    let now = 1_000_000;
    const { calls, lookup } = countingLookup(async () => ({ viewer, expiresAt: now + 5 }));
    const cache = new ViewerCache(lookup, 60_000, () => now);
    await cache.resolve('t', 'r');
    await cache.resolve('t', 'r');
    expect(calls).toHaveLength(1);
    now += 10;
    await new Promise((resolve) => setTimeout(resolve, 20));
    await cache.resolve('t', 'r');
    expect(calls).toHaveLength(2);
  });

  it('never caches a refusal', async () => {
    const { calls, lookup } = countingLookup(async () => Promise.reject(AppError.unauthenticated('Invalid or expired access token')));
    const cache = new ViewerCache(lookup, 60_000);
    await expect(cache.resolve('bad', 'r')).rejects.toThrow('Invalid or expired access token');
    await expect(cache.resolve('bad', 'r')).rejects.toThrow('Invalid or expired access token');
    expect(calls).toHaveLength(2);
  });

  it('looks every token up when the ttl is 0', async () => {
    const { calls, lookup } = countingLookup(async () => ({ viewer, expiresAt: null }));
    const cache = new ViewerCache(lookup, 0);
    await cache.resolve('t', 'r');
    await cache.resolve('t', 'r');
    expect(calls).toHaveLength(2);
  });
});

describe('presentedToken', () => {
  it('reads a bearer token, else an API key, else nothing', () => {
    expect(presentedToken({ authorization: 'Bearer abc.def' })).toBe('abc.def');
    expect(presentedToken({ authorization: 'bearer  abc ' })).toBe('abc');
    expect(presentedToken({ apiKey: 'dmk_123' })).toBe('dmk_123');
    expect(presentedToken({ authorization: 'Bearer abc', apiKey: 'dmk_123' })).toBe('abc');
    expect(presentedToken({})).toBeUndefined();
  });

  it('refuses another scheme instead of treating the caller as anonymous', () => {
    expect(() => presentedToken({ authorization: 'Basic dXNlcjpwdw==' })).toThrow(AppError);
    expect(() => presentedToken({ apiKey: 'x'.repeat(5000) })).toThrow('Malformed token');
  });
});
