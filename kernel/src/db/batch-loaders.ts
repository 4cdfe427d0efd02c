import DataLoader from 'dataloader';
import type { EntityManager } from './database.js';
import type { Database, Scope } from './tenant-scope.js';

/** A loader of one row per key, fetched for a whole batch of keys at once; undefined where none (or no scope). */
export function rowLoader<T>(db: Database, scope: Scope | undefined, fetch: (em: EntityManager, keys: string[]) => Promise<T[]>, keyOf: (row: T) => string) {
  return new DataLoader<string, T | undefined>(async (keys) => {
    if (!scope) return keys.map(() => undefined);
    const rows = await db.run(scope, (em) => fetch(em, [...keys]));
    const byKey = new Map(rows.map((row) => [keyOf(row), row]));
    return keys.map((key) => byKey.get(key));
  });
}

/** A loader of all rows per key (e.g. the lines of each invoice), fetched for a whole batch at once. */
export function groupLoader<T>(db: Database, scope: Scope | undefined, fetch: (em: EntityManager, keys: string[]) => Promise<T[]>, keyOf: (row: T) => string) {
  return new DataLoader<string, T[]>(async (keys) => {
    if (!scope) return keys.map(() => []);
    const rows = await db.run(scope, (em) => fetch(em, [...keys]));
    const byKey = new Map<string, T[]>();
    for (const row of rows) {
      const key = keyOf(row);
      byKey.set(key, [...(byKey.get(key) ?? []), row]);
    }
    return keys.map((key) => byKey.get(key) ?? []);
  });
}

/** A PostgreSQL array literal of ids, bound as one parameter (`= any(?::uuid[])`). */
export const uuidArray = (ids: readonly string[]): string => `{${ids.join(',')}}`;
