import { expectGlobalId, portalSubscriberOf, requireRole, Role, tenantOf, type Viewer } from '@dotmac/kernel';

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
