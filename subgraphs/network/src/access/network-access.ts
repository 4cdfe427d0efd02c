import { expectGlobalId, isPlatformAdmin, PLATFORM_SCOPE, requireRole, Role, tenantOf, tenantScope, type Scope, type Viewer } from '@dotmac/kernel';

/** Staff who change the network: inventory, IP space, allocations. */
export const NETWORK_WRITERS = [Role.TENANT_ADMIN, Role.NOC];
/** Staff who read the network (support looks up a subscriber's equipment and addresses). */
export const NETWORK_READERS = [...NETWORK_WRITERS, Role.SUPPORT_AGENT];

const tenantArg = (tenantId?: string | null) => (tenantId ? expectGlobalId(tenantId, 'Tenant', 'tenantId') : undefined);

/** The tenant a network write runs in (platform admins name it); fails unless the viewer may write. */
export function writerTenant(viewer: Viewer, tenantId?: string | null): string {
  requireRole(viewer, ...NETWORK_WRITERS);
  return tenantOf(viewer, tenantArg(tenantId));
}

/** The tenant a network list reads (platform admins name it); fails unless the viewer may read. */
export function readerTenant(viewer: Viewer, tenantId?: string | null): string {
  requireRole(viewer, ...NETWORK_READERS);
  return tenantOf(viewer, tenantArg(tenantId));
}

/** Where an object named by its global id is read: across tenants for platform admins, else the viewer's own. */
export function objectReadScope(viewer: Viewer): Scope {
  requireRole(viewer, ...NETWORK_READERS);
  return isPlatformAdmin(viewer) ? PLATFORM_SCOPE : tenantScope(tenantOf(viewer));
}

/** The database scope of the per-request loaders: every tenant for platform admins, else the viewer's own. */
export function loaderScope(viewer: Viewer): Scope | undefined {
  if (isPlatformAdmin(viewer)) return PLATFORM_SCOPE;
  return viewer.tenantId ? tenantScope(viewer.tenantId) : undefined;
}
