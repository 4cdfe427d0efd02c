import { AppError, containsPattern, paginate, recordEvent, SortDirection, type ConnectionArgs, type EntityManager } from '@dotmac/kernel';
import { LockMode, UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import { Tenant, TenantStatus, PlanTier } from './tenant.entity.js';
import { assertTransition } from './tenant-lifecycle.js';
import { TenantType } from './tenant.type.js';
import { TenantOrderField, type CreateTenantInput, type TenantFilter, type TenantOrder, type UpdateTenantInput } from './tenant.input.js';

const SLUG = /^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$/;

function validName(name: string, field: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 2 || trimmed.length > 120) throw AppError.badInput('Name must be 2–120 characters', field);
  return trimmed;
}

export async function createTenant(em: EntityManager, input: CreateTenantInput): Promise<Tenant> {
  const slug = input.slug.trim().toLowerCase();
  if (!SLUG.test(slug) || slug.includes('--')) {
    throw AppError.badInput('Slug must be 3–40 characters of a–z, 0–9 and single "-", not at either end', 'slug');
  }
  const name = validName(input.name, 'name');
  if (await em.count(Tenant, { slug })) throw AppError.conflict(`The slug "${slug}" is taken`, 'slug');
  const tenant = em.create(Tenant, { slug, name, planTier: input.planTier ?? PlanTier.STARTER });
  await em.flush().catch((error: unknown) => {
    // Two concurrent creates of one slug: the unique index decides.
    if (error instanceof UniqueConstraintViolationException) throw AppError.conflict(`The slug "${slug}" is taken`, 'slug');
    throw error;
  });
  recordEvent(em, 'tenants.tenant.created', tenant.id, { tenantId: tenant.id, slug, planTier: tenant.planTier });
  return tenant;
}

export async function getTenant(em: EntityManager, id: string): Promise<Tenant> {
  const tenant = await em.findOne(Tenant, { id });
  if (!tenant) throw AppError.notFound('Tenant');
  return tenant;
}

export async function updateTenant(em: EntityManager, id: string, input: UpdateTenantInput): Promise<Tenant> {
  const tenant = await getTenant(em, id);
  if (input.name !== undefined && input.name !== null) tenant.name = validName(input.name, 'name');
  if (input.planTier) tenant.planTier = input.planTier;
  return tenant;
}

/** Moves a tenant along its lifecycle and announces the new state as `tenants.tenant.<state>`. */
export async function transitionTenant(em: EntityManager, id: string, to: TenantStatus, reason?: string): Promise<Tenant> {
  const tenant = await em.findOne(Tenant, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!tenant) throw AppError.notFound('Tenant');
  const from = tenant.status;
  assertTransition(from, to);
  tenant.status = to;
  recordEvent(em, `tenants.tenant.${to}`, tenant.id, { tenantId: tenant.id, from, to, reason: reason ?? null });
  return tenant;
}

function tenantWhere(filter: TenantFilter | undefined): FilterQuery<Tenant> {
  const where: FilterQuery<Tenant> & Record<string, unknown> = {};
  if (filter?.status?.length) where.status = { $in: filter.status };
  if (filter?.planTier?.length) where.planTier = { $in: filter.planTier };
  if (filter?.search?.trim()) {
    const pattern = containsPattern(filter.search);
    where.$or = [{ name: { $ilike: pattern } }, { slug: { $ilike: pattern } }];
  }
  return where;
}

export function listTenants(em: EntityManager, filter: TenantFilter | undefined, order: TenantOrder | undefined, args: ConnectionArgs) {
  return paginate(
    em,
    Tenant,
    {
      where: tenantWhere(filter),
      sortField: order?.field ?? TenantOrderField.NAME,
      sortDirection: order?.direction ?? SortDirection.ASC,
      args,
    },
    TenantType.from,
  );
}
