import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { fromGlobalId } from '@dotmac/kernel';
import type { TenantsContext } from '../context.js';
import { ApiKeyType } from '../api-key/api-key.type.js';
import { UserType } from '../user/user.type.js';
import { TenantType } from './tenant.type.js';

/** The tenant of an object that names one by `tenantId`, through the per-request loader. */
async function tenantOf(ctx: TenantsContext, tenantId: string | undefined): Promise<TenantType | null> {
  if (!tenantId) return null;
  const tenant = await ctx.loaders.tenantById.load(fromGlobalId(tenantId).id);
  return tenant ? TenantType.from(tenant) : null;
}

@Resolver(() => UserType)
export class UserTenantResolver {
  @FieldResolver(() => TenantType, { nullable: true, description: 'The ISP this user belongs to; null for platform admins.' })
  tenant(@Root() user: UserType, @Ctx() ctx: TenantsContext): Promise<TenantType | null> {
    return tenantOf(ctx, user.tenantId);
  }
}

@Resolver(() => ApiKeyType)
export class ApiKeyTenantResolver {
  @FieldResolver(() => TenantType, { nullable: true, description: 'The ISP this key acts for.' })
  tenant(@Root() key: ApiKeyType, @Ctx() ctx: TenantsContext): Promise<TenantType | null> {
    return tenantOf(ctx, key.tenantId);
  }
}
