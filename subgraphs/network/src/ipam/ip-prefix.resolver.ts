import { Arg, Args, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { connectionType, ConnectionArgs, runAuditedMutation, tenantScope, UserError } from '@dotmac/kernel';
import { readerTenant, writerTenant } from '../access/network-access.js';
import type { NetworkContext } from '../context.js';
import { IpPoolType } from './ip-pool.type.js';
import { IpPrefixType } from './ip-prefix.type.js';
import { createPrefix, listPrefixes } from './ip-prefix.service.js';
import { CreatePrefixInput, PrefixFilter, PrefixOrder } from './ipam.input.js';

export const IpPrefixConnection = connectionType(IpPrefixType, 'IpPrefix');

@ObjectType()
class IpPrefixPayload {
  @Field(() => IpPrefixType, { nullable: true }) prefix?: IpPrefixType;
  @Field(() => [UserError]) userErrors: UserError[];
}

@Resolver(() => IpPrefixType)
export class IpPrefixResolver {
  @Query(() => IpPrefixConnection, { description: "The ISP's IP prefixes, by address." })
  ipPrefixes(
    @Ctx() ctx: NetworkContext,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('tenantId', () => ID, { nullable: true, description: 'Platform admins name the ISP.' }) tenantId?: string,
    @Arg('filter', () => PrefixFilter, { nullable: true }) filter?: PrefixFilter,
    @Arg('orderBy', () => PrefixOrder, { nullable: true }) orderBy?: PrefixOrder,
  ) {
    const tenant = readerTenant(ctx.viewer, tenantId);
    return ctx.db.inTenant(tenant, (em) => listPrefixes(em, tenant, filter, page, orderBy?.direction));
  }

  @FieldResolver(() => IpPrefixType, { nullable: true, description: 'The smallest prefix containing this one.' })
  async parent(@Root() prefix: IpPrefixType, @Ctx() ctx: NetworkContext): Promise<IpPrefixType | undefined> {
    if (!prefix.parentId) return undefined;
    const row = await ctx.loaders.prefixById.load(prefix.parentId);
    return row && IpPrefixType.from(row);
  }

  @FieldResolver(() => [IpPoolType], { description: 'Pools carved from this prefix, by name.' })
  async pools(@Root() prefix: IpPrefixType, @Ctx() ctx: NetworkContext): Promise<IpPoolType[]> {
    return (await ctx.loaders.poolsByPrefix.load(prefix.rawId)).map(IpPoolType.from);
  }

  @Mutation(() => IpPrefixPayload, { description: 'Adds a prefix; it nests under the smallest prefix containing it, and adopts the prefixes it contains.' })
  createPrefix(@Ctx() ctx: NetworkContext, @Arg('input', () => CreatePrefixInput) input: CreatePrefixInput) {
    const tenantId = writerTenant(ctx.viewer, input.tenantId);
    return runAuditedMutation(ctx, {
      service: 'network',
      operation: 'createPrefix',
      scope: tenantScope(tenantId),
      work: async (em) => {
        const prefix = await createPrefix(em, tenantId, input);
        return { payload: { prefix: IpPrefixType.from(prefix) }, target: { type: 'IpPrefix', id: prefix.id, tenantId }, details: { prefix: prefix.prefix } };
      },
    });
  }
}
