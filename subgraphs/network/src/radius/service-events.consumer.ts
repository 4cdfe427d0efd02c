import { claimEvent, todayUtc, type Database, type DomainEvent, type EntityManager, type EventBus, type EventSubscription, type Logger } from '@dotmac/kernel';
import type { CredentialCipher } from '../credentials/credential-cipher.js';
import { activateForSubscription, changeServiceTerms } from './service-activation.service.js';
import { Service } from './service.entity.js';
import { endingOfEvent, subscriberOfEvent, tenantOfEvent, termsOfEvent } from './service-event.payload.js';
import { endSubscriptionService, restoreSubscriber, suspendSubscriber, terminateSubscriberServices } from './service-standing.service.js';

/** The topics that change subscribers' network access, and the group this subgraph reads them in. */
export const ServiceTopic = {
  ACTIVATED: 'billing.subscription.activated',
  PLAN_CHANGED: 'billing.subscription.plan_changed',
  ENDED: 'billing.subscription.ended',
  DELINQUENT: 'billing.subscriber.delinquent',
  RESTORED: 'billing.subscriber.restored',
  SUBSCRIBER_CANCELLED: 'customers.subscriber.cancelled',
} as const;
export const SERVICE_EVENTS_GROUP = 'network-radius';

type Apply = (em: EntityManager, tenantId: string, event: DomainEvent) => Promise<string | undefined>;

/** What each topic does; the answer is a reason when the event could not be used. */
function appliers(cipher: CredentialCipher): Record<string, Apply> {
  const withSubscriber = (work: (em: EntityManager, tenantId: string, subscriberId: string) => Promise<unknown>): Apply => async (em, tenantId, event) => {
    const subscriberId = subscriberOfEvent(event);
    if (!subscriberId) return 'no usable subscriberId';
    await work(em, tenantId, subscriberId);
    return undefined;
  };
  return {
    [ServiceTopic.ACTIVATED]: async (em, tenantId, event) => {
      const terms = termsOfEvent(event);
      if (!terms) return 'no usable subscription, subscriber and plan ids';
      await activateForSubscription(em, cipher, tenantId, terms);
      return undefined;
    },
    [ServiceTopic.PLAN_CHANGED]: async (em, tenantId, event) => {
      const terms = termsOfEvent(event);
      if (!terms) return 'no usable subscription, subscriber and plan ids';
      const service = await em.findOne(Service, { tenantId, subscriptionId: terms.subscriptionId });
      // A change before the activation arrived: the activation is the complete picture, take it from here.
      if (!service) await activateForSubscription(em, cipher, tenantId, terms);
      else await changeServiceTerms(em, cipher, service, terms);
      return undefined;
    },
    [ServiceTopic.ENDED]: async (em, tenantId, event) => {
      const ending = endingOfEvent(event);
      if (!ending) return 'no usable subscriptionId';
      await endSubscriptionService(em, tenantId, ending.subscriptionId, ending.lastDay, todayUtc());
      return undefined;
    },
    [ServiceTopic.DELINQUENT]: withSubscriber((em, tenantId, subscriberId) => suspendSubscriber(em, cipher, tenantId, subscriberId)),
    [ServiceTopic.RESTORED]: withSubscriber((em, tenantId, subscriberId) => restoreSubscriber(em, cipher, tenantId, subscriberId)),
    [ServiceTopic.SUBSCRIBER_CANCELLED]: withSubscriber((em, tenantId, subscriberId) => terminateSubscriberServices(em, tenantId, subscriberId)),
  };
}

/**
 * Applies billing's and customers' news to services and their RADIUS rows. Each event is handled
 * once: claimed in `processed_event` in the same transaction as the change, in the event's tenant.
 */
export function serviceEventHandler(db: Database, cipher: CredentialCipher, logger: Logger) {
  const byTopic = appliers(cipher);
  return async (event: DomainEvent): Promise<void> => {
    const apply = byTopic[event.topic];
    const tenantId = tenantOfEvent(event);
    if (!apply || !tenantId) {
      logger.warn({ eventId: event.id, topic: event.topic }, 'service event without a usable tenant; ignored');
      return;
    }
    await db.inTenant(tenantId, async (em) => {
      if (!(await claimEvent(em, event, tenantId))) return;
      const unusable = await apply(em, tenantId, event);
      if (unusable) logger.warn({ eventId: event.id, topic: event.topic, why: unusable }, 'service event ignored');
    });
  };
}

/** Subscribes to every topic that changes network access; close the result to stop. */
export async function consumeServiceEvents(bus: EventBus, db: Database, cipher: CredentialCipher, logger: Logger): Promise<EventSubscription> {
  const handle = serviceEventHandler(db, cipher, logger);
  const subscriptions = await Promise.all(Object.values(ServiceTopic).map((topic) => bus.subscribe(topic, SERVICE_EVENTS_GROUP, handle)));
  return { close: async () => void (await Promise.all(subscriptions.map((subscription) => subscription.close()))) };
}
