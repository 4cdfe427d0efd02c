import { isPlatformAdmin, PLATFORM_SCOPE, tenantScope, type Scope, type Viewer } from '@dotmac/kernel';
import { readerScope } from './billing-access.js';

/**
 * Where a per-request loader reads: platform admins across tenants (they reach billing objects
 * through a tenant they named), everyone else inside their own tenant; nobody else reads anything.
 * Loaders only fetch: who may see what is decided by the field or query that uses them.
 */
export function loaderScope(viewer: Viewer): Scope | undefined {
  if (isPlatformAdmin(viewer)) return PLATFORM_SCOPE;
  return viewer.tenantId ? tenantScope(viewer.tenantId) : undefined;
}

/** Who reads one object by its id: the scope to read in, and the subscriber a portal reader is. */
export interface ObjectReader {
  scope: Scope;
  subscriberId?: string;
}

/** A global id already names the object: platform admins need not name its tenant too. */
export function objectReader(viewer: Viewer): ObjectReader {
  if (isPlatformAdmin(viewer)) return { scope: PLATFORM_SCOPE };
  const { tenantId, subscriberId } = readerScope(viewer);
  return { scope: tenantScope(tenantId), subscriberId };
}
