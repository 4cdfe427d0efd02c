import { Arg, Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { AppError, ConnectionArgs, fromGlobalId, hasAnyRole, isPlatformAdmin, Role } from '@dotmac/kernel';
import type { CustomersContext } from '../context.js';
import { SubscriberConnection } from '../subscriber/subscriber.resolver.js';
import { SubscriberFilter, SubscriberOrder } from '../subscriber/subscriber.input.js';
import * as subscribers from '../subscriber/subscriber.service.js';
import { TenantStub } from './tenant.stub.js';

function tenantIdOf(tenant: TenantStub): string {
  const { type, id } = fromGlobalId(tenant.id);
  if (type !== 'Tenant') throw AppError.badInput('Not a tenant id');
  return id;
}

/** Readable by platform admins, and by staff of that very tenant. */
function canRead(ctx: CustomersContext, tenantId: string): boolean {
  if (isPlatformAdmin(ctx.viewer)) return true;
  return ctx.viewer.tenantId === tenantId && hasAnyRole(ctx.viewer, [Role.TENANT_ADMIN, Role.BILLING, Role.SUPPORT_AGENT, Role.NOC, Role.PARTNER]);
}

@Resolver(() => TenantStub)
export class TenantSubscribersResolver {
  @FieldResolver(() => Int, { description: 'Number of subscribers of this ISP, in any status.' })
  async subscriberCount(@Root() tenant: TenantStub, @Ctx() ctx: CustomersContext): Promise<number> {
    const tenantId = tenantIdOf(tenant);
    if (!canRead(ctx, tenantId)) throw AppError.forbidden('Not allowed to read this tenant\'s subscribers');
    return ctx.loaders.subscriberCountByTenant.load(tenantId);
  }

  @FieldResolver(() => SubscriberConnection, { description: "This ISP's subscribers." })
  subscribers(
    @Root() tenant: TenantStub,
    @Ctx() ctx: CustomersContext,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => SubscriberFilter, { nullable: true }) filter?: SubscriberFilter,
    @Arg('orderBy', () => SubscriberOrder, { nullable: true }) orderBy?: SubscriberOrder,
  ) {
    const tenantId = tenantIdOf(tenant);
    if (!canRead(ctx, tenantId)) throw AppError.forbidden('Not allowed to read this tenant\'s subscribers');
    return ctx.db.inTenant(tenantId, (em) => subscribers.listSubscribers(em, tenantId, filter, orderBy, page));
  }
}
