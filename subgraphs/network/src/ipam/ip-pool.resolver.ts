import { Arg, Args, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { connectionType, ConnectionArgs, runAuditedMutation, tenantScope, UserError } from '@dotmac/kernel';
import { readerTenant, writerTenant } from '../access/network-access.js';
import type { NetworkContext } from '../context.js';
import { IpPoolType } from './ip-pool.type.js';
import { IpPrefixType } from './ip-prefix.type.js';
import { createPool, listPools } from './ip-pool.service.js';
import { CreatePoolInput, PoolFilter } from './ipam.input.js';

export const IpPoolConnection = connectionType(IpPoolType, 'IpPool');

@ObjectType()
class IpPoolPayload {
  @Field(() => IpPoolType, { nullable: true }) pool?: IpPoolType;
  @Field(() => [UserError]) userErrors: UserError[];
}

@Resolver(() => IpPoolType)
export class IpPoolResolver {
  @Query(() => IpPoolConnection, { description: "The ISP's address pools, by name." })
  ipPools(
    @Ctx() ctx: NetworkContext,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('tenantId', () => ID, { nullable: true, description: 'Platform admins name the ISP.' }) tenantId?: string,
    @Arg('filter', () => PoolFilter, { nullable: true }) filter?: PoolFilter,
  ) {
    const tenant = readerTenant(ctx.viewer, tenantId);
    return ctx.db.inTenant(tenant, (em) => listPools(em, tenant, filter, page));
  }

  @FieldResolver(() => IpPrefixType)
  async prefix(@Root() pool: IpPoolType, @Ctx() ctx: NetworkContext): Promise<IpPrefixType> {
    return IpPrefixType.from((await ctx.loaders.prefixById.load(pool.prefixId))!);
  }

  @FieldResolver(() => Int, { description: 'Addresses allocated now (not released).' })
  allocatedCount(@Root() pool: IpPoolType, @Ctx() ctx: NetworkContext): Promise<number> {
    return ctx.loaders.allocatedCountByPool.load(pool.rawId);
  }

  @Mutation(() => IpPoolPayload, { description: 'Adds a pool inside a prefix: a range, or the whole prefix; never overlapping another pool.' })
  createPool(@Ctx() ctx: NetworkContext, @Arg('input', () => CreatePoolInput) input: CreatePoolInput) {
    const tenantId = writerTenant(ctx.viewer, input.tenantId);
    return runAuditedMutation(ctx, {
      service: 'network',
      operation: 'createPool',
      scope: tenantScope(tenantId),
      work: async (em) => {
        const pool = await createPool(em, tenantId, input);
        return { payload: { pool: IpPoolType.from(pool) }, target: { type: 'IpPool', id: pool.id, tenantId } };
      },
    });
  }
}
