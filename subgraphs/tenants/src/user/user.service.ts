import { AppError, containsPattern, normaliseEmail, isPlatformAdmin, paginate, Role, SortDirection, type ConnectionArgs, type EntityManager, type Viewer } from '@dotmac/kernel';
import { UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../auth/password.js';
import { Session } from '../auth/session.entity.js';
import { Tenant } from '../tenant/tenant.entity.js';
import { User, UserStatus } from './user.entity.js';
import { UserType } from './user.type.js';
import type { UserFilter } from './user.input.js';


function cleanDisplayName(name: string): string {
  const displayName = name.trim();
  if (displayName.length < 1 || displayName.length > 120) throw AppError.badInput('Display name must be 1–120 characters', 'displayName');
  return displayName;
}

/** Platform-admin is granted only without a tenant, and only by a platform admin; tenant roles need a tenant. */
export function validateRoles(actor: Viewer, roles: Role[], tenantId: string | undefined): Role[] {
  const unique = [...new Set(roles)];
  if (unique.length === 0) throw AppError.badInput('At least one role is required', 'roles');
  const platform = unique.includes(Role.PLATFORM_ADMIN);
  if (platform && (unique.length > 1 || tenantId)) {
    throw AppError.badInput('platform_admin is held alone and without a tenant', 'roles');
  }
  if (platform && !isPlatformAdmin(actor)) throw AppError.forbidden('Only a platform admin can grant platform_admin');
  if (!platform && !tenantId) throw AppError.badInput('A tenant is required for these roles', 'tenantId');
  return unique;
}

export interface NewUser {
  tenantId?: string;
  email: string;
  password: string;
  displayName: string;
  roles: Role[];
  /** Raw subscriber id; required with the subscriber role, refused without it. */
  subscriberId?: string;
}

/** A portal login is a subscriber and nothing else; staff logins are never tied to a subscriber. */
function validatePortalLink(roles: Role[], subscriberId: string | undefined): void {
  const portal = roles.includes(Role.SUBSCRIBER);
  if (portal && roles.length > 1) throw AppError.badInput('The subscriber role is held alone', 'roles');
  if (portal && !subscriberId) throw AppError.badInput('A subscriber portal login names its subscriber', 'subscriberId');
  if (!portal && subscriberId) throw AppError.badInput('Only subscriber portal logins name a subscriber', 'subscriberId');
}

export async function createUser(em: EntityManager, actor: Viewer, input: NewUser): Promise<User> {
  const email = normaliseEmail(input.email);
  const displayName = cleanDisplayName(input.displayName);
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw AppError.badInput(`Password must be at least ${MIN_PASSWORD_LENGTH} characters`, 'password');
  }
  const roles = validateRoles(actor, input.roles, input.tenantId);
  validatePortalLink(roles, input.subscriberId);
  if (input.tenantId && !(await em.count(Tenant, { id: input.tenantId }))) throw AppError.notFound('Tenant');
  if (await em.count(User, { email })) throw AppError.conflict('A user with this email exists', 'email');
  const user = em.create(User, { tenantId: input.tenantId, subscriberId: input.subscriberId, email, displayName, roles, passwordHash: await hashPassword(input.password) });
  await em.flush().catch((error: unknown) => {
    if (error instanceof UniqueConstraintViolationException) throw AppError.conflict('A user with this email exists', 'email');
    throw error;
  });
  return user;
}

export async function updateUser(
  em: EntityManager,
  actor: Viewer,
  userId: string,
  changes: { displayName?: string; roles?: Role[]; status?: UserStatus },
): Promise<User> {
  const user = await em.findOne(User, { id: userId });
  if (!user) throw AppError.notFound('User');
  if (user.id === actor.id && changes.status === UserStatus.DISABLED) throw AppError.badInput('You cannot disable yourself', 'status');
  if (changes.displayName != null) {
    user.displayName = cleanDisplayName(changes.displayName);
  }
  if (changes.roles) {
    user.roles = validateRoles(actor, changes.roles, user.tenantId);
    validatePortalLink(user.roles, user.subscriberId);
  }
  if (changes.status) {
    user.status = changes.status;
    if (changes.status === UserStatus.DISABLED) {
      await em.nativeUpdate(Session, { userId: user.id, revokedAt: null }, { revokedAt: new Date() });
    }
  }
  return user;
}

export function listUsers(em: EntityManager, tenantId: string | undefined, filter: UserFilter | undefined, args: ConnectionArgs) {
  const where: FilterQuery<User> & Record<string, unknown> = {};
  if (tenantId) where.tenantId = tenantId;
  if (filter?.roles?.length) where.roles = { $overlap: filter.roles };
  if (filter?.status) where.status = filter.status;
  if (filter?.search?.trim()) {
    const pattern = containsPattern(filter.search);
    where.$or = [{ email: { $ilike: pattern } }, { displayName: { $ilike: pattern } }];
  }
  return paginate(em, User, { where, sortField: 'email', sortDirection: SortDirection.ASC, args }, UserType.from);
}
