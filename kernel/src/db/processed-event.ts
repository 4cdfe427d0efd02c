import type { EntityManager } from '@mikro-orm/postgresql';

/** The table where a subgraph's consumers record the events they have handled (tenant-isolated). */
export const PROCESSED_EVENT_TABLE_SQL = `create table "processed_event" (
  "event_id" text primary key,
  "tenant_id" uuid not null,
  "topic" text not null,
  "processed_at" timestamptz not null default now()
)`;

/**
 * Claims an event for this transaction: true the first time, false when it was handled before
 * (the bus delivers at least once). The claim commits or rolls back with the handler's work.
 */
export async function claimEvent(em: EntityManager, event: { id: string; topic: string }, tenantId: string): Promise<boolean> {
  const claimed = await em.execute<{ event_id: string }[]>(
    `insert into processed_event (event_id, tenant_id, topic) values (?, ?, ?) on conflict (event_id) do nothing returning event_id`,
    [event.id, tenantId, event.topic],
  );
  return claimed.length === 1;
}

/** Serialises work on one key (e.g. `dunning:<tenant>`) until the transaction ends, across processes. */
export async function lockKey(em: EntityManager, key: string): Promise<void> {
  await em.execute('select pg_advisory_xact_lock(hashtext(?))', [key]);
}
