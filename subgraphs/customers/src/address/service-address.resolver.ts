import { Arg, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { AppError, expectGlobalId, requireRole, UserError } from '@dotmac/kernel';
import type { CustomersContext } from '../context.js';
import { canReadSubscriberDetails, WRITERS } from '../shared/access.js';
import { mutateRecord } from '../shared/mutation.js';
import { SubscriberNode } from '../subscriber/subscriber.type.js';
import { AddServiceAddressInput, RemoveServiceAddressInput, UpdateServiceAddressInput } from './service-address.input.js';
import { ServiceAddressNode } from './service-address.type.js';
import * as addresses from './service-address.service.js';

@ObjectType()
class ServiceAddressPayload {
  @Field(() => ServiceAddressNode, { nullable: true }) serviceAddress?: ServiceAddressNode;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType()
class RemoveServiceAddressPayload {
  @Field(() => ID, { nullable: true }) removedAddressId?: string;
  @Field(() => SubscriberNode, { nullable: true }) subscriber?: SubscriberNode;
  @Field(() => [UserError]) userErrors: UserError[];
}

@Resolver(() => SubscriberNode)
export class SubscriberAddressesResolver {
  @FieldResolver(() => [ServiceAddressNode], { description: `Where this subscriber is served (at most ${addresses.MAX_ADDRESSES}), primary first.` })
  async serviceAddresses(@Root() subscriber: SubscriberNode, @Ctx() ctx: CustomersContext): Promise<ServiceAddressNode[]> {
    if (!canReadSubscriberDetails(ctx.viewer, subscriber.subscriberId)) throw AppError.forbidden("Not allowed to read this subscriber's addresses");
    return (await ctx.loaders.addressesBySubscriber.load(subscriber.subscriberId)).map(ServiceAddressNode.from);
  }

  @Mutation(() => ServiceAddressPayload, { description: 'Adds a service address; a second primary address is a CONFLICT.' })
  addServiceAddress(@Ctx() ctx: CustomersContext, @Arg('input', () => AddServiceAddressInput) input: AddServiceAddressInput) {
    requireRole(ctx.viewer, ...WRITERS);
    return mutateRecord(ctx, {
      operation: 'addServiceAddress',
      work: async (em, actor) => {
        const address = await addresses.addAddress(em, expectGlobalId(input.subscriberId, 'Subscriber', 'subscriberId'), input, actor);
        return { payload: { serviceAddress: ServiceAddressNode.from(address) }, target: { type: 'ServiceAddress', id: address.id, tenantId: address.tenantId } };
      },
    });
  }

  @Mutation(() => ServiceAddressPayload)
  updateServiceAddress(@Ctx() ctx: CustomersContext, @Arg('input', () => UpdateServiceAddressInput) input: UpdateServiceAddressInput) {
    requireRole(ctx.viewer, ...WRITERS);
    return mutateRecord(ctx, {
      operation: 'updateServiceAddress',
      work: async (em, actor) => {
        const address = await addresses.updateAddress(em, expectGlobalId(input.addressId, 'ServiceAddress', 'addressId'), input, actor);
        return { payload: { serviceAddress: ServiceAddressNode.from(address) }, target: { type: 'ServiceAddress', id: address.id, tenantId: address.tenantId } };
      },
    });
  }

  @Mutation(() => RemoveServiceAddressPayload)
  removeServiceAddress(@Ctx() ctx: CustomersContext, @Arg('input', () => RemoveServiceAddressInput) input: RemoveServiceAddressInput) {
    requireRole(ctx.viewer, ...WRITERS);
    return mutateRecord(ctx, {
      operation: 'removeServiceAddress',
      work: async (em, actor) => {
        const addressId = expectGlobalId(input.addressId, 'ServiceAddress', 'addressId');
        const subscriber = await addresses.removeAddress(em, addressId, actor);
        return {
          payload: { removedAddressId: input.addressId, subscriber: SubscriberNode.from(subscriber) },
          target: { type: 'ServiceAddress', id: addressId, tenantId: subscriber.tenantId },
        };
      },
    });
  }
}
