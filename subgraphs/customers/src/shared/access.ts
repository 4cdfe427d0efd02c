import { expectGlobalId, isPlatformAdmin, platformReadScope, Role, tenantOf, type Scope, type Viewer } from '@dotmac/kernel';

/** Name of this service in audit records. */
export const SERVICE = 'customers';

/** Staff roles that may change subscribers. */
export const WRITERS = [Role.TENANT_ADMIN, Role.BILLING, Role.SUPPORT_AGENT];
/** Staff roles that may read subscribers. */
export const READERS = [...WRITERS, Role.NOC, Role.PARTNER];
/** Who may define the ISP's custom fields. */
export const FIELD_DESIGNERS = [Role.TENANT_ADMIN];

/**
 * Scope of a change to an existing record: the viewer's own tenant, or for a platform admin every
 * tenant (the record itself then says which tenant it belongs to).
 */
export const recordScope = (viewer: Viewer): Scope => platformReadScope(viewer);

/** The tenant a tenant-level operation acts in, from an optional global `tenantId` input. */
export function tenantFromInput(viewer: Viewer, tenantGlobalId: string | null | undefined): string {
  return tenantOf(viewer, tenantGlobalId ? expectGlobalId(tenantGlobalId, 'Tenant', 'tenantId') : undefined);
}

/**
 * Whether the viewer may read a subscriber's contact details: staff who read subscribers, and the
 * subscriber itself through the portal.
 */
export function canReadSubscriberDetails(viewer: Viewer, subscriberId: string): boolean {
  if (isPlatformAdmin(viewer) || viewer.roles.some((role) => READERS.includes(role))) return true;
  return viewer.roles.includes(Role.SUBSCRIBER) && viewer.subscriberId === subscriberId;
}

/** Whether the viewer may read internal records (notes, the change log): staff only. */
export function canReadInternalRecords(viewer: Viewer): boolean {
  return isPlatformAdmin(viewer) || viewer.roles.some((role) => READERS.includes(role));
}
