import type { EntityManager } from '@dotmac/kernel';

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
