import DataLoader from 'dataloader';
import type { Connection, Database, Scope } from '@dotmac/kernel';
import { sessionsOf, type SessionOwner, type SessionRow, type SessionWindow } from './radius-session.query.js';

const EMPTY: Connection<SessionRow> = { edges: [], totalCount: 0, pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } };

/**
 * Sessions per subscriber or per service, one statement for a whole page of owners. Fields with
 * different arguments (windows) get loaders of their own, made on first use.
 */
export function createSessionLoaders(db: Database, scope: Scope | undefined) {
  const loaders = new Map<string, DataLoader<string, Connection<SessionRow>>>();
  return (owner: SessionOwner, window: SessionWindow): DataLoader<string, Connection<SessionRow>> => {
    const key = JSON.stringify([owner, window.first ?? null, window.after ?? null, window.from ?? null, window.to ?? null]);
    let loader = loaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        if (!scope) return ids.map(() => EMPTY);
        const found = await db.run(scope, (em) => sessionsOf(em, owner, ids, window));
        return ids.map((id) => found.get(id) ?? EMPTY);
      });
      loaders.set(key, loader);
    }
    return loader;
  };
}
