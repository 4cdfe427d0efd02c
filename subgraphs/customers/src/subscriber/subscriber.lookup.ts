import { AppError, type EntityManager } from '@dotmac/kernel';
import { LockMode } from '@mikro-orm/core';
import { Subscriber } from './subscriber.entity.js';

/**
 * The subscriber, locked for the rest of the transaction: changes to one subscriber and its
 * details are serialised, so checks like "at most one primary contact" cannot race.
 */
export async function lockSubscriber(em: EntityManager, id: string): Promise<Subscriber> {
  const subscriber = await em.findOne(Subscriber, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!subscriber) throw AppError.notFound('Subscriber');
  return subscriber;
}
