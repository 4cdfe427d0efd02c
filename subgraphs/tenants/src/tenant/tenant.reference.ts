import { fromGlobalId } from '@dotmac/kernel';
import type { TenantsContext } from '../context.js';
import { TenantType } from './tenant.type.js';

/** Resolves `Tenant` entities for other subgraphs; unknown or invisible tenants resolve to null. */
export async function resolveTenantReference(reference: { id: string }, ctx: TenantsContext): Promise<TenantType | null> {
  const { type, id } = fromGlobalId(reference.id);
  if (type !== 'Tenant') return null;
  const tenant = await ctx.loaders.tenantById.load(id);
  return tenant ? TenantType.from(tenant) : null;
}
