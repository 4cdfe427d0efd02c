import { AppError } from '../errors/app-error.js';
import { PLATFORM_SCOPE, tenantScope, type Scope } from '../db/tenant-scope.js';
import { hasAnyRole, isPlatformAdmin, Role, type Viewer } from './viewer.js';

/** Fails with UNAUTHENTICATED unless someone is logged in (user or API key). */
export function requireViewer(viewer: Viewer): Viewer {
  if (viewer.kind === 'anonymous') throw AppError.unauthenticated();
  return viewer;
}

/** Fails unless the viewer holds one of `roles`; platform admins pass every role check. */
export function requireRole(viewer: Viewer, ...roles: Role[]): Viewer {
  requireViewer(viewer);
  if (isPlatformAdmin(viewer) || hasAnyRole(viewer, roles)) return viewer;
  throw AppError.forbidden(`Requires one of the roles: ${roles.join(', ')}`);
}

/**
 * The subscriber a portal viewer is, or undefined for staff. A viewer holding only the subscriber
 * role must see nothing but its own records; a subscriber viewer without a linked subscriber sees nothing.
 */
export function portalSubscriberOf(viewer: Viewer): string | undefined {
  requireViewer(viewer);
  const staff = viewer.roles.some((role) => role !== Role.SUBSCRIBER);
  if (staff) return undefined;
  if (!viewer.subscriberId) throw AppError.forbidden('This portal account is not linked to a subscriber');
  return viewer.subscriberId;
}

/** Fails unless the viewer is a platform admin. */
export function requirePlatformAdmin(viewer: Viewer): Viewer {
  requireViewer(viewer);
  if (!isPlatformAdmin(viewer)) throw AppError.forbidden('Requires the platform_admin role');
  return viewer;
}

/**
 * The tenant a tenant-scoped operation runs in: the viewer's own tenant, or for a platform admin
 * the tenant it names explicitly. A platform admin who names none is refused.
 */
export function tenantOf(viewer: Viewer, explicitTenantId?: string): string {
  requireViewer(viewer);
  if (viewer.tenantId) {
    if (explicitTenantId && explicitTenantId !== viewer.tenantId) throw AppError.notFound('Tenant', explicitTenantId);
    return viewer.tenantId;
  }
  if (isPlatformAdmin(viewer) && explicitTenantId) return explicitTenantId;
  throw AppError.badInput('A tenant must be named for this operation', 'tenantId');
}

/**
 * The scope of a platform-level read (e.g. the list of tenants): platform admins read across
 * tenants, everyone else only inside their own tenant.
 */
export function platformReadScope(viewer: Viewer): Scope {
  requireViewer(viewer);
  if (isPlatformAdmin(viewer)) return PLATFORM_SCOPE;
  if (viewer.tenantId) return tenantScope(viewer.tenantId);
  throw AppError.forbidden('No tenant to read from');
}
