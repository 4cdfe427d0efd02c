import { Arg, Args, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { connectionType, ConnectionArgs, runAuditedMutation, tenantScope, toGlobalId, UserError, type EntityManager } from '@dotmac/kernel';
import { readerTenant, writerTenant } from '../access/network-access.js';
import type { NetworkContext } from '../context.js';
import { DeviceType } from '../device/device.type.js';
import { InterfaceType } from '../interface/interface.type.js';
import { SubscriberStub } from '../subscriber/subscriber.stub.js';
import { AssigneeType, type IpAllocation } from './ip-allocation.entity.js';
import { IpAllocationType } from './ip-allocation.type.js';
import { listAllocations } from './ip-allocation-query.service.js';
import * as allocations from './ip-allocation.service.js';
import { IpPoolType } from './ip-pool.type.js';
import { AllocateAddressInput, AllocateNextAddressInput, AllocationFilter, AllocationOrder, ReleaseAddressInput } from './ipam.input.js';

export const IpAllocationConnection = connectionType(IpAllocationType, 'IpAllocation');

@ObjectType()
class IpAllocationPayload {
  @Field(() => IpAllocationType, { nullable: true }) allocation?: IpAllocationType;
  @Field(() => [UserError]) userErrors: UserError[];
}

@Resolver(() => IpAllocationType)
export class IpAllocationResolver {
  @Query(() => IpAllocationConnection, { description: 'Allocations, active and released; filter by address for its history.' })
  ipAllocations(
    @Ctx() ctx: NetworkContext,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('tenantId', () => ID, { nullable: true, description: 'Platform admins name the ISP.' }) tenantId?: string,
    @Arg('filter', () => AllocationFilter, { nullable: true }) filter?: AllocationFilter,
    @Arg('orderBy', () => AllocationOrder, { nullable: true }) orderBy?: AllocationOrder,
  ) {
    const tenant = readerTenant(ctx.viewer, tenantId);
    return ctx.db.inTenant(tenant, (em) => listAllocations(em, tenant, filter, orderBy, page));
  }

  @FieldResolver(() => IpPoolType)
  async pool(@Root() allocation: IpAllocationType, @Ctx() ctx: NetworkContext): Promise<IpPoolType> {
    return IpPoolType.from((await ctx.loaders.poolById.load(allocation.poolId))!);
  }

  @FieldResolver(() => DeviceType, { nullable: true, description: 'Set when the address went to a device.' })
  async device(@Root() allocation: IpAllocationType, @Ctx() ctx: NetworkContext): Promise<DeviceType | undefined> {
    if (allocation.assigneeType !== AssigneeType.DEVICE) return undefined;
    const row = await ctx.loaders.deviceById.load(allocation.assigneeId);
    return row && DeviceType.from(row);
  }

  @FieldResolver(() => InterfaceType, { nullable: true, description: 'Set when the address went to an interface.' })
  async interface(@Root() allocation: IpAllocationType, @Ctx() ctx: NetworkContext): Promise<InterfaceType | undefined> {
    if (allocation.assigneeType !== AssigneeType.INTERFACE) return undefined;
    const row = await ctx.loaders.interfaceById.load(allocation.assigneeId);
    return row && InterfaceType.from(row);
  }

  @FieldResolver(() => SubscriberStub, { nullable: true, description: 'Set when the address went to a subscriber.' })
  subscriber(@Root() allocation: IpAllocationType): SubscriberStub | undefined {
    if (allocation.assigneeType !== AssigneeType.SUBSCRIBER) return undefined;
    return Object.assign(new SubscriberStub(), { id: toGlobalId('Subscriber', allocation.assigneeId) });
  }

  @Mutation(() => IpAllocationPayload, { description: "Allocates the pool's lowest free address; safe under concurrency; idempotent with a key." })
  allocateNextAddress(@Ctx() ctx: NetworkContext, @Arg('input', () => AllocateNextAddressInput) input: AllocateNextAddressInput) {
    const tenantId = writerTenant(ctx.viewer, input.tenantId);
    return this.mutate(ctx, 'allocateNextAddress', tenantId, (em) => allocations.allocateNextAddress(em, input, ctx.viewer.id));
  }

  @Mutation(() => IpAllocationPayload, { description: 'Allocates one named address of a pool.' })
  allocateAddress(@Ctx() ctx: NetworkContext, @Arg('input', () => AllocateAddressInput) input: AllocateAddressInput) {
    const tenantId = writerTenant(ctx.viewer, input.tenantId);
    return this.mutate(ctx, 'allocateAddress', tenantId, (em) => allocations.allocateAddress(em, input, ctx.viewer.id));
  }

  @Mutation(() => IpAllocationPayload, { description: 'Releases an allocation; it stays in the history.' })
  releaseAddress(@Ctx() ctx: NetworkContext, @Arg('input', () => ReleaseAddressInput) input: ReleaseAddressInput) {
    const tenantId = writerTenant(ctx.viewer, input.tenantId);
    return this.mutate(ctx, 'releaseAddress', tenantId, (em) => allocations.releaseAddress(em, input.allocationId, ctx.viewer.id));
  }

  private mutate(ctx: NetworkContext, operation: string, tenantId: string, change: (em: EntityManager) => Promise<IpAllocation>) {
    return runAuditedMutation(ctx, {
      service: 'network',
      operation,
      scope: tenantScope(tenantId),
      work: async (em) => {
        const allocation = await change(em);
        return {
          payload: { allocation: IpAllocationType.from(allocation) },
          target: { type: 'IpAllocation', id: allocation.id, tenantId },
          details: { address: allocation.address },
        };
      },
    });
  }
}
