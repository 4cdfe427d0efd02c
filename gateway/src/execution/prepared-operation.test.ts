import { describe, expect, it } from 'vitest';
import { PreparedOperationCache, type PreparedOperation } from './prepared-operation.js';

const entry = (name: string) => ({ plan: { kind: 'QueryPlan' }, name }) as unknown as PreparedOperation;

describe('prepared operation cache', () => {
  it('keeps at most its size, dropping the least recently used', () => {
    const cache = new PreparedOperationCache(2);
    cache.set('a', entry('a'));
    cache.set('b', entry('b'));
    expect(cache.get('a')).toBeDefined();
    cache.set('c', entry('c'));
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
  });
});
