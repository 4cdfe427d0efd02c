import type { EntityManager } from '@dotmac/kernel';
import { optionalText } from '../shared/text.js';
import type { Actor } from '../change-log/actor.js';
import { ChangeAction } from '../change-log/change-log-entry.entity.js';
import { recordChange } from '../change-log/change-log.service.js';
import { SubscriberStatus, type Subscriber } from './subscriber.entity.js';
import { recordStatusEvent, type StatusCause } from './subscriber.events.js';
import { assertStaffTransition } from './subscriber-lifecycle.js';
import { lockSubscriber } from './subscriber.lookup.js';

/**
 * Sets a subscriber's status and records it twice: in the change log (who, from, to, why) and as
 * a `customers.subscriber.<status>` event in the outbox. The caller has checked the step.
 */
export function applyStatus(em: EntityManager, subscriber: Subscriber, to: SubscriberStatus, actor: Actor, reason: string | null, cause: StatusCause): void {
  const from = subscriber.status;
  subscriber.status = to;
  if (to !== SubscriberStatus.DELINQUENT) subscriber.statusBeforeDelinquency = null;
  recordChange(em, subscriber, { action: ChangeAction.STATUS_CHANGED, actor, changes: [{ field: 'status', oldValue: from, newValue: to }], reason });
  recordStatusEvent(em, subscriber, from, reason, cause);
}

/** A step of the lifecycle taken by staff; an illegal one is a CONFLICT. */
export async function transitionSubscriber(em: EntityManager, id: string, to: SubscriberStatus, reason: string | null | undefined, actor: Actor): Promise<Subscriber> {
  const why = optionalText(reason, 'reason', 'Reason', 500);
  const subscriber = await lockSubscriber(em, id);
  assertStaffTransition(subscriber.status, to);
  applyStatus(em, subscriber, to, actor, why, 'staff');
  return subscriber;
}
