import { recordEvent, type EntityManager } from '@dotmac/kernel';
import { SubscriberStatus, type Subscriber } from './subscriber.entity.js';

/** Topics this subgraph publishes about subscribers. */
export const SubscriberTopic = {
  CREATED: 'customers.subscriber.created',
  ACTIVATED: 'customers.subscriber.activated',
  SUSPENDED: 'customers.subscriber.suspended',
  DELINQUENT: 'customers.subscriber.delinquent',
  CANCELLED: 'customers.subscriber.cancelled',
} as const;

/** The topic announcing that a subscriber reached `status` (a lead is never reached again). */
const STATUS_TOPICS: Record<Exclude<SubscriberStatus, SubscriberStatus.LEAD>, string> = {
  [SubscriberStatus.ACTIVE]: SubscriberTopic.ACTIVATED,
  [SubscriberStatus.SUSPENDED]: SubscriberTopic.SUSPENDED,
  [SubscriberStatus.DELINQUENT]: SubscriberTopic.DELINQUENT,
  [SubscriberStatus.CANCELLED]: SubscriberTopic.CANCELLED,
};

/** Who moved the subscriber: staff by hand, or billing through its delinquency events. */
export type StatusCause = 'staff' | 'billing';

export function recordStatusEvent(em: EntityManager, subscriber: Subscriber, from: SubscriberStatus, reason: string | null, cause: StatusCause): void {
  const topic = STATUS_TOPICS[subscriber.status as Exclude<SubscriberStatus, SubscriberStatus.LEAD>];
  recordEvent(em, topic, subscriber.tenantId, {
    subscriberId: subscriber.id,
    tenantId: subscriber.tenantId,
    accountNumber: subscriber.accountNumber,
    from,
    to: subscriber.status,
    reason,
    cause,
  });
}

/** Payload of `customers.subscriber.created` (also written in bulk by the import). */
export const createdEventPayload = (subscriber: Pick<Subscriber, 'id' | 'tenantId' | 'accountNumber' | 'type' | 'status'>, source: 'api' | 'import') => ({
  subscriberId: subscriber.id,
  tenantId: subscriber.tenantId,
  accountNumber: subscriber.accountNumber,
  type: subscriber.type,
  status: subscriber.status,
  source,
});
