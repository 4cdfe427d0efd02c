import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { AppError, fromGlobalId, isPlatformAdmin, Node, platformReadScope, requireViewer, tenantOf, toGlobalId } from '@dotmac/kernel';
import type { TenantsContext } from '../context.js';
import { ApiKey } from '../api-key/api-key.entity.js';
import { ApiKeyType } from '../api-key/api-key.type.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { AuditEntryType } from '../audit/audit.resolver.js';
import { TenantType } from '../tenant/tenant.type.js';
import { User } from '../user/user.entity.js';
import { UserType } from '../user/user.type.js';
import { SubscriberStub } from '../subscriber/subscriber.stub.js';
import { BILLING_NODE_TYPES } from '../billing/billing.stubs.js';
import { NETWORK_NODE_TYPES } from '../network/network.stubs.js';

/** Types owned by other subgraphs: handed over by reference, their owner checks visibility. */
const FOREIGN_TYPES: Record<string, new () => Node> = { Subscriber: SubscriberStub, ...BILLING_NODE_TYPES, ...NETWORK_NODE_TYPES };

@Resolver()
export class NodeResolver {
  @Query(() => Node, { description: 'Any object by its global id. Objects you may not see are NOT_FOUND.' })
  async node(@Ctx() ctx: TenantsContext, @Arg('id', () => ID) globalId: string): Promise<Node> {
    requireViewer(ctx.viewer);
    const { type, id } = fromGlobalId(globalId);
    const found = await this.load(ctx, type, id);
    if (!found) throw AppError.notFound(type, globalId);
    return found;
  }

  private async load(ctx: TenantsContext, type: string, id: string): Promise<Node | undefined> {
    const foreign = FOREIGN_TYPES[type];
    if (foreign) return Object.assign(new foreign(), { id: toGlobalId(type, id) });
    if (type === 'Tenant') {
      const tenant = await ctx.loaders.tenantById.load(id);
      return tenant && TenantType.from(tenant);
    }
    const scope = platformReadScope(ctx.viewer);
    if (!isPlatformAdmin(ctx.viewer)) tenantOf(ctx.viewer);
    return ctx.db.run(scope, async (em) => {
      if (type === 'User') return (await em.findOne(User, { id }).then((row) => row && UserType.from(row))) ?? undefined;
      if (type === 'ApiKey') return (await em.findOne(ApiKey, { id }).then((row) => row && ApiKeyType.from(row))) ?? undefined;
      if (type === 'AuditEntry') return (await em.findOne(AuditEntry, { id }).then((row) => row && AuditEntryType.from(row))) ?? undefined;
      throw AppError.badInput(`Unknown object type ${type}`, 'id');
    });
  }
}
