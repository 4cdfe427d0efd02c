import { Arg, Args, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { connectionType, ConnectionArgs, expectGlobalId, runAuditedMutation, tenantScope, UserError, type EntityManager } from '@dotmac/kernel';
import { readerTenant, writerTenant } from '../access/network-access.js';
import type { NetworkContext } from '../context.js';
import type { Site } from './site.entity.js';
import { CreateSiteInput, SiteFilter, SiteOrder, UpdateSiteInput } from './site.input.js';
import { SiteType } from './site.type.js';
import * as sites from './site.service.js';
import { resolveSiteReference } from './site.reference.js';

export const SiteConnection = connectionType(SiteType, 'Site');

@ObjectType()
class SitePayload {
  @Field(() => SiteType, { nullable: true }) site?: SiteType;
  @Field(() => [UserError]) userErrors: UserError[];
}

@Resolver(() => SiteType)
export class SiteResolver {
  @Query(() => SiteConnection, { description: "The ISP's sites (network staff and support)." })
  sites(
    @Ctx() ctx: NetworkContext,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('tenantId', () => ID, { nullable: true, description: 'Platform admins name the ISP.' }) tenantId?: string,
    @Arg('filter', () => SiteFilter, { nullable: true }) filter?: SiteFilter,
    @Arg('orderBy', () => SiteOrder, { nullable: true }) orderBy?: SiteOrder,
  ) {
    const tenant = readerTenant(ctx.viewer, tenantId);
    return ctx.db.inTenant(tenant, (em) => sites.listSites(em, tenant, filter, orderBy, page));
  }

  @Query(() => SiteType, { description: 'One site by its id; another ISP\'s is NOT_FOUND.' })
  site(@Ctx() ctx: NetworkContext, @Arg('id', () => ID) id: string): Promise<SiteType> {
    return resolveSiteReference({ id }, ctx);
  }

  @Mutation(() => SitePayload, { description: 'Adds a site; its name is unique within the ISP.' })
  createSite(@Ctx() ctx: NetworkContext, @Arg('input', () => CreateSiteInput) input: CreateSiteInput) {
    const tenantId = writerTenant(ctx.viewer, input.tenantId);
    return this.mutate(ctx, 'createSite', tenantId, (em) => sites.createSite(em, tenantId, input));
  }

  @Mutation(() => SitePayload, { description: 'Changes a site; absent fields stay, null clears.' })
  updateSite(@Ctx() ctx: NetworkContext, @Arg('input', () => UpdateSiteInput) input: UpdateSiteInput) {
    const tenantId = writerTenant(ctx.viewer, input.tenantId);
    return this.mutate(ctx, 'updateSite', tenantId, (em) => sites.updateSite(em, expectGlobalId(input.siteId, 'Site', 'siteId'), input));
  }

  private mutate(ctx: NetworkContext, operation: string, tenantId: string, change: (em: EntityManager) => Promise<Site>) {
    return runAuditedMutation(ctx, {
      service: 'network',
      operation,
      scope: tenantScope(tenantId),
      work: async (em) => {
        const site = await change(em);
        return { payload: { site: SiteType.from(site) }, target: { type: 'Site', id: site.id, tenantId } };
      },
    });
  }
}
