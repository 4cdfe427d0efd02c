import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { requireRole } from '@dotmac/kernel';
import { NETWORK_READERS } from '../access/network-access.js';
import type { NetworkContext } from '../context.js';
import { DeviceType } from '../device/device.type.js';
import { SubscriberStub, subscriberIdOf } from './subscriber.stub.js';

@Resolver(() => SubscriberStub)
export class SubscriberDevicesResolver {
  @FieldResolver(() => [DeviceType], { description: "Equipment at this subscriber's premises, by name (batched across a page of subscribers)." })
  async devices(@Root() subscriber: SubscriberStub, @Ctx() ctx: NetworkContext): Promise<DeviceType[]> {
    requireRole(ctx.viewer, ...NETWORK_READERS);
    return (await ctx.loaders.devicesBySubscriber.load(subscriberIdOf(subscriber))).map(DeviceType.from);
  }
}
