import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { requireRole } from '@dotmac/kernel';
import { NETWORK_READERS } from '../access/network-access.js';
import type { NetworkContext } from '../context.js';
import { SubscriberStub, subscriberIdOf } from '../subscriber/subscriber.stub.js';
import { RadiusSessionConnection, RadiusSessionType, SessionArgs } from './radius-session.type.js';
import { ServiceType } from './service.type.js';

@Resolver(() => SubscriberStub)
export class SubscriberServicesResolver {
  @FieldResolver(() => [ServiceType], { description: "The subscriber's network access services, oldest first (batched across a page)." })
  async services(@Root() subscriber: SubscriberStub, @Ctx() ctx: NetworkContext): Promise<ServiceType[]> {
    requireRole(ctx.viewer, ...NETWORK_READERS);
    return (await ctx.loaders.servicesBySubscriber.load(subscriberIdOf(subscriber))).map(ServiceType.from);
  }

  @FieldResolver(() => RadiusSessionConnection, { description: 'Sessions of all the subscriber\'s services from RADIUS accounting, newest first (batched across a page).' })
  async sessions(@Root() subscriber: SubscriberStub, @Ctx() ctx: NetworkContext, @Args(() => SessionArgs) window: SessionArgs) {
    requireRole(ctx.viewer, ...NETWORK_READERS);
    const connection = await ctx.loaders.sessions('subscriber', window).load(subscriberIdOf(subscriber));
    return { ...connection, edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: RadiusSessionType.from(edge.node) })) };
  }
}
