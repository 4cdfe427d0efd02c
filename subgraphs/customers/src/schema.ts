import { buildFederatedSchema, type ReferenceResolvers } from '@dotmac/kernel';
import { resolveSubscriberReference } from './subscriber/subscriber.reference.js';
import { SubscriberResolver } from './subscriber/subscriber.resolver.js';
import { TenantSubscribersResolver } from './tenant/tenant-subscribers.resolver.js';

/** The customers subgraph schema (and its SDL, for composition). */
export function buildSchema() {
  return buildFederatedSchema({
    resolvers: [SubscriberResolver, TenantSubscribersResolver],
    references: { Subscriber: resolveSubscriberReference } as unknown as ReferenceResolvers,
  });
}
