/** Roles a user or API key can hold. platform_admin is the platform owner; all others act in one tenant. */
export enum Role {
  PLATFORM_ADMIN = 'platform_admin',
  TENANT_ADMIN = 'tenant_admin',
  BILLING = 'billing',
  NOC = 'noc',
  SUPPORT_AGENT = 'support_agent',
  PARTNER = 'partner',
  SUBSCRIBER = 'subscriber',
}

export const ALL_ROLES: readonly Role[] = Object.values(Role);

export type ViewerKind = 'anonymous' | 'user' | 'api_key' | 'system';

/**
 * Who is asking. Built by the gateway from a JWT or API key and carried to subgraphs in the signed
 * internal context header; subgraphs never build it from anything else.
 */
export interface Viewer {
  kind: ViewerKind;
  /** User id, or API key id for `api_key` viewers. */
  id?: string;
  /** The tenant the viewer acts in; absent for platform admins and anonymous callers. */
  tenantId?: string;
  roles: Role[];
  /** For subscriber-portal users: the raw id of the subscriber they are. */
  subscriberId?: string;
  /** Refresh-token session the access token belongs to (users only). */
  sessionId?: string;
  clientIp?: string;
}

export const ANONYMOUS: Viewer = Object.freeze({ kind: 'anonymous', roles: [] }) as Viewer;

export function isPlatformAdmin(viewer: Viewer): boolean {
  return viewer.roles.includes(Role.PLATFORM_ADMIN);
}

export function hasAnyRole(viewer: Viewer, roles: readonly Role[]): boolean {
  return viewer.roles.some((role) => roles.includes(role));
}
