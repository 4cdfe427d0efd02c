import DataLoader from 'dataloader';
import type { Database, EntityManager, Scope } from '@dotmac/kernel';

/**
 * A DataLoader of per-subscriber lists: one call of `fetch` (one query or two) for every subscriber
 * of a request's batch. A viewer without a scope gets empty lists.
 */
export function subscriberListLoader<T>(
  db: Database,
  scope: Scope | undefined,
  fetch: (em: EntityManager, subscriberIds: readonly string[]) => Promise<Map<string, T[]>>,
): DataLoader<string, T[]> {
  return new DataLoader(async (subscriberIds) => {
    if (!scope) return subscriberIds.map(() => []);
    const lists = await db.run(scope, (em) => fetch(em, subscriberIds));
    return subscriberIds.map((id) => lists.get(id) ?? []);
  });
}
