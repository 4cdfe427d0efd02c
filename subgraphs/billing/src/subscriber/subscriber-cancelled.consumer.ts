import { claimEvent, type Database, type EntityManager, type EventBus, type EventSubscription, type Logger } from '@dotmac/kernel';
import { endedRows, recordSubscriptionsEnded } from '../subscription/subscription-events.js';

export const SUBSCRIBER_CANCELLED_TOPIC = 'customers.subscriber.cancelled';
export const SUBSCRIBER_CANCELLED_GROUP = 'billing-subscriber-cancelled';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A cancelled subscriber is billed no further: its active subscriptions end with the period
 * already billed (never-billed ones are cancelled outright). Nothing is refunded automatically;
 * staff credit what the ISP's terms give back.
 */
export async function endSubscriptionsOf(em: EntityManager, tenantId: string, subscriberId: string): Promise<number> {
  const cancelled = await em.execute(
    `update subscription set status = 'cancelled', next_bill_date = null, cancelled_at = now(), updated_at = now()
      where tenant_id = ? and subscriber_id = ? and status = 'active' and next_bill_date is not null and next_bill_date <= start_date
      returning id, subscriber_id, end_date::text as end_date`,
    [tenantId, subscriberId],
  );
  const ending = await em.execute(
    `update subscription set status = 'cancelled', end_date = least(coalesce(end_date, next_bill_date - 1), next_bill_date - 1),
            cancelled_at = now(), updated_at = now()
      where tenant_id = ? and subscriber_id = ? and status = 'active' and next_bill_date is not null
      returning id, subscriber_id, end_date::text as end_date`,
    [tenantId, subscriberId],
  );
  await recordSubscriptionsEnded(em, tenantId, endedRows([...cancelled, ...ending] as { id: string; subscriber_id: string; end_date: string | null }[]), 'subscriber cancelled');
  return cancelled.length + ending.length;
}

/** Listens for subscribers the customers subgraph cancels; each event is applied once. */
export function consumeSubscriberCancellations(bus: EventBus, db: Database, logger: Logger): Promise<EventSubscription> {
  return bus.subscribe(SUBSCRIBER_CANCELLED_TOPIC, SUBSCRIBER_CANCELLED_GROUP, async (event) => {
    const payload = event.payload as { subscriberId?: unknown; tenantId?: unknown };
    const tenantId = event.tenantId ?? payload.tenantId;
    if (typeof tenantId !== 'string' || !UUID.test(tenantId) || typeof payload.subscriberId !== 'string' || !UUID.test(payload.subscriberId)) {
      logger.warn({ eventId: event.id }, 'subscriber cancellation without a usable subscriber and tenant; ignored');
      return;
    }
    const subscriberId = payload.subscriberId;
    await db.inTenant(tenantId, async (em) => {
      if (!(await claimEvent(em, event, tenantId))) return;
      const ended = await endSubscriptionsOf(em, tenantId, subscriberId);
      if (ended) logger.info({ subscriberId, ended }, 'subscriptions of a cancelled subscriber end with the billed period');
    });
  });
}
