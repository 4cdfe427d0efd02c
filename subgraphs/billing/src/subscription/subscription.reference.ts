import { AppError, fromGlobalId } from '@dotmac/kernel';
import { objectReader } from '../access/read-scope.js';
import type { BillingContext } from '../context.js';
import { SubscriptionType } from './subscription.type.js';
import { visibleSubscription } from './subscription.service.js';

/** Resolves Subscription entities for the gateway (e.g. `node(id)`); one the viewer may not see is NOT_FOUND. */
export async function resolveSubscriptionReference(reference: { id: string }, ctx: BillingContext): Promise<SubscriptionType> {
  const { type, id } = fromGlobalId(reference.id);
  if (type !== 'Subscription') throw AppError.notFound('Subscription', reference.id);
  const reader = objectReader(ctx.viewer);
  return ctx.db.run(reader.scope, async (em) => SubscriptionType.from(await visibleSubscription(em, id, reader.subscriberId)));
}
