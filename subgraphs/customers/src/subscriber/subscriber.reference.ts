import { AppError, fromGlobalId } from '@dotmac/kernel';
import type { CustomersContext } from '../context.js';
import { SubscriberNode } from './subscriber.type.js';

/** Resolves Subscriber entities for the gateway; one the viewer may not see is NOT_FOUND. */
export async function resolveSubscriberReference(reference: { id: string }, ctx: CustomersContext): Promise<SubscriberNode> {
  const { type, id } = fromGlobalId(reference.id);
  const row = type === 'Subscriber' ? await ctx.loaders.subscriberById.load(id) : undefined;
  if (!row) throw AppError.notFound('Subscriber', reference.id);
  return SubscriberNode.from(row);
}
