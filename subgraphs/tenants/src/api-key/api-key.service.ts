import { AppError, Role, type EntityManager, type Viewer } from '@dotmac/kernel';
import { Tenant, TenantStatus } from '../tenant/tenant.entity.js';
import { API_KEY_PREFIX, compositeToken, parseCompositeToken, randomSecret, sameHash, sha256 } from '../auth/tokens.js';
import { ApiKey } from './api-key.entity.js';

/** How often last-used time is written: at most once a minute per key, not once per request. */
const LAST_USED_RESOLUTION_MS = 60_000;

export interface NewApiKey {
  tenantId: string;
  name: string;
  roles: Role[];
  expiresAt?: Date;
}

export async function createApiKey(em: EntityManager, actor: Viewer, input: NewApiKey): Promise<{ key: ApiKey; secret: string }> {
  const name = input.name.trim();
  if (name.length < 1 || name.length > 80) throw AppError.badInput('Name must be 1–80 characters', 'name');
  const roles = [...new Set(input.roles)];
  if (roles.length === 0) throw AppError.badInput('At least one role is required', 'roles');
  if (roles.includes(Role.PLATFORM_ADMIN)) throw AppError.badInput('An API key cannot hold platform_admin', 'roles');
  if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) throw AppError.badInput('Expiry must be in the future', 'expiresAt');
  if (!(await em.count(Tenant, { id: input.tenantId }))) throw AppError.notFound('Tenant');
  const secret = randomSecret();
  const key = em.create(ApiKey, {
    tenantId: input.tenantId,
    name,
    roles,
    secretHash: sha256(secret),
    createdById: actor.kind === 'user' ? actor.id : undefined,
    expiresAt: input.expiresAt,
  });
  return { key, secret: compositeToken(API_KEY_PREFIX, key.id, '_', secret) };
}

export async function revokeApiKey(em: EntityManager, id: string): Promise<ApiKey> {
  const key = await em.findOne(ApiKey, { id });
  if (!key) throw AppError.notFound('ApiKey');
  if (key.revokedAt) throw AppError.conflict('This API key is already revoked');
  key.revokedAt = new Date();
  return key;
}

/** Checks a presented API key (platform scope: the key names its tenant). */
export async function authenticateApiKey(em: EntityManager, token: string): Promise<ApiKey> {
  const parsed = parseCompositeToken(token, API_KEY_PREFIX, '_');
  const key = parsed ? await em.findOne(ApiKey, { id: parsed.id }) : null;
  if (!parsed || !key || !sameHash(key.secretHash, sha256(parsed.secret))) throw AppError.unauthenticated('Invalid API key');
  if (key.revokedAt) throw AppError.unauthenticated('This API key has been revoked');
  if (key.expiresAt && key.expiresAt.getTime() <= Date.now()) throw AppError.unauthenticated('This API key has expired');
  const tenant = await em.findOne(Tenant, { id: key.tenantId });
  if (!tenant || tenant.status === TenantStatus.CANCELLED) throw AppError.unauthenticated('The tenant of this API key is closed');
  if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) key.lastUsedAt = new Date();
  return key;
}
