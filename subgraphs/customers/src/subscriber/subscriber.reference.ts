import { AppError, fromGlobalId, portalSubscriberOf } from '@dotmac/kernel';
import type { CustomersContext } from '../context.js';
import type { Subscriber } from './subscriber.entity.js';
import { SubscriberNode } from './subscriber.type.js';

/** A subscriber the viewer may see: any of its tenant for staff, only itself for a portal login. */
export async function visibleSubscriber(ctx: CustomersContext, id: string): Promise<Subscriber | undefined> {
  const own = portalSubscriberOf(ctx.viewer);
  if (own && own !== id) return undefined;
  return ctx.loaders.subscriberById.load(id);
}

/** Resolves Subscriber entities for the gateway; one the viewer may not see is NOT_FOUND. */
export async function resolveSubscriberReference(reference: { id: string }, ctx: CustomersContext): Promise<SubscriberNode> {
  const { type, id } = fromGlobalId(reference.id);
  const row = type === 'Subscriber' ? await visibleSubscriber(ctx, id) : undefined;
  if (!row) throw AppError.notFound('Subscriber', reference.id);
  return SubscriberNode.from(row);
}
