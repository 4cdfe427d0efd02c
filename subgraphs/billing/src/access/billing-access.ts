import { expectGlobalId, isPlatformAdmin, PLATFORM_SCOPE, portalSubscriberOf, requireRole, Role, tenantOf, tenantScope, type Scope, type Viewer } from '@dotmac/kernel';

/** Staff who change billing: plans, prices, invoices, payments, credit notes. */
export const BILLING_WRITERS = [Role.TENANT_ADMIN, Role.BILLING];
/** Staff who read billing. */
export const BILLING_READERS = [...BILLING_WRITERS, Role.SUPPORT_AGENT];

/** The tenant a billing write runs in (platform admins name it); fails unless the viewer may write. */
export function writerTenant(viewer: Viewer, tenantId?: string | null): string {
  requireRole(viewer, ...BILLING_WRITERS);
  return tenantOf(viewer, tenantId ? expectGlobalId(tenantId, 'Tenant', 'tenantId') : undefined);
}

/**
 * Who is reading: staff read their whole tenant; a subscriber-portal viewer reads only its own
 * records (`subscriberId` set, and every query must narrow to it).
 */
export function readerScope(viewer: Viewer, tenantId?: string | null): { tenantId: string; subscriberId?: string } {
  if (viewer.roles.includes(Role.SUBSCRIBER)) {
    const subscriberId = portalSubscriberOf(viewer);
    if (subscriberId) return { tenantId: tenantOf(viewer), subscriberId };
  }
  requireRole(viewer, ...BILLING_READERS);
  return { tenantId: tenantOf(viewer, tenantId ? expectGlobalId(tenantId, 'Tenant', 'tenantId') : undefined) };
}

export type ReadScope = ReturnType<typeof readerScope>;

/**
 * What a viewer may see of billing objects reached by id or through another object (federation
 * references, nested fields): its tenant (every tenant for platform admins, `tenantId` undefined)
 * and, for a portal viewer, only its own subscriber's records.
 */
export interface Visibility {
  tenantId?: string;
  subscriberId?: string;
}

export function visibilityOf(viewer: Viewer): Visibility {
  if (viewer.roles.includes(Role.SUBSCRIBER)) {
    const subscriberId = portalSubscriberOf(viewer);
    if (subscriberId) return { tenantId: tenantOf(viewer), subscriberId };
  }
  requireRole(viewer, ...BILLING_READERS);
  return { tenantId: viewer.tenantId };
}

/** The database scope of the per-request loaders: every tenant for platform admins, else the viewer's own. */
export function loaderScope(viewer: Viewer): Scope | undefined {
  if (isPlatformAdmin(viewer)) return PLATFORM_SCOPE;
  return viewer.tenantId ? tenantScope(viewer.tenantId) : undefined;
}
