import type { EntityManager } from '@dotmac/kernel';
import type { Actor } from '../change-log/actor.js';
import { SubscriberStatus, type Subscriber } from '../subscriber/subscriber.entity.js';
import { DELINQUENCY_APPLIES_TO } from '../subscriber/subscriber-lifecycle.js';
import { lockSubscriber } from '../subscriber/subscriber.lookup.js';
import { applyStatus } from '../subscriber/subscriber-status.service.js';

/** What a delinquency notice did: changed the status, or nothing (with why). */
export type DelinquencyOutcome = { changed: true; subscriber: Subscriber } | { changed: false; why: string };

/** Billing's notice that a subscriber owes overdue money: ACTIVE or SUSPENDED becomes DELINQUENT. */
export async function markDelinquent(em: EntityManager, subscriberId: string, reason: string, actor: Actor): Promise<DelinquencyOutcome> {
  const subscriber = await lockSubscriber(em, subscriberId);
  if (!DELINQUENCY_APPLIES_TO.includes(subscriber.status)) return { changed: false, why: `subscriber is ${subscriber.status}` };
  const before = subscriber.status;
  applyStatus(em, subscriber, SubscriberStatus.DELINQUENT, actor, reason, 'billing');
  subscriber.statusBeforeDelinquency = before;
  return { changed: true, subscriber };
}

/** Billing's notice that the balance is settled: DELINQUENT returns to the status it had before. */
export async function restoreFromDelinquency(em: EntityManager, subscriberId: string, reason: string, actor: Actor): Promise<DelinquencyOutcome> {
  const subscriber = await lockSubscriber(em, subscriberId);
  if (subscriber.status !== SubscriberStatus.DELINQUENT) return { changed: false, why: `subscriber is ${subscriber.status}` };
  applyStatus(em, subscriber, subscriber.statusBeforeDelinquency ?? SubscriberStatus.ACTIVE, actor, reason, 'billing');
  return { changed: true, subscriber };
}
