import type { FilterQuery } from '@mikro-orm/core';
import { AppError, containsPattern, paginate, SortDirection, type ConnectionArgs, type EntityManager } from '@dotmac/kernel';
import { notFoundIn } from '../shared/errors.js';
import { conflictOnUnique } from '../shared/unique-violation.js';
import { given, optionalText, requiredText } from '../shared/text.js';
import { Site } from './site.entity.js';
import { SiteOrderField, type SiteFilter, type SiteOrder } from './site.input.js';
import { SiteType } from './site.type.js';

export interface SiteFields {
  name?: string;
  address?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  description?: string | null;
}

const NAME_TAKEN = { site_tenant_name_unique: { message: 'Another site of this ISP has that name', field: 'name' } };

function coordinate(value: number, limit: number, field: string): string {
  if (!Number.isFinite(value) || Math.abs(value) > limit) throw AppError.badInput(`${field} must be between −${limit} and ${limit}`, field);
  return value.toFixed(6);
}

/** Both coordinates or neither: a point needs both. */
function coordinates(latitude: number | null | undefined, longitude: number | null | undefined) {
  if ((latitude == null) !== (longitude == null)) throw AppError.badInput('Give latitude and longitude together', latitude == null ? 'latitude' : 'longitude');
  if (latitude == null || longitude == null) return { latitude: null, longitude: null };
  return { latitude: coordinate(latitude, 90, 'latitude'), longitude: coordinate(longitude, 180, 'longitude') };
}

export async function createSite(em: EntityManager, tenantId: string, input: SiteFields & { name: string }): Promise<Site> {
  const site = em.create(Site, {
    tenantId,
    name: requiredText(input.name, 'name'),
    address: optionalText(input.address, 'address'),
    description: optionalText(input.description, 'description', 2000),
    ...coordinates(input.latitude, input.longitude),
  });
  await conflictOnUnique(() => em.flush(), NAME_TAKEN);
  return site;
}

export async function findSite(em: EntityManager, id: string, field = 'siteId'): Promise<Site> {
  const site = await em.findOne(Site, { id });
  if (!site) throw notFoundIn('Site', field);
  return site;
}

export async function updateSite(em: EntityManager, id: string, changes: SiteFields): Promise<Site> {
  const site = await findSite(em, id);
  if (changes.name != null) site.name = requiredText(changes.name, 'name');
  if (given(changes, 'address')) site.address = optionalText(changes.address, 'address');
  if (given(changes, 'description')) site.description = optionalText(changes.description, 'description', 2000);
  if (given(changes, 'latitude') || given(changes, 'longitude')) Object.assign(site, coordinates(changes.latitude, changes.longitude));
  await conflictOnUnique(() => em.flush(), NAME_TAKEN);
  return site;
}

export function listSites(em: EntityManager, tenantId: string, filter: SiteFilter | undefined, order: SiteOrder | undefined, args: ConnectionArgs) {
  const where: FilterQuery<Site> & Record<string, unknown> = { tenantId };
  if (filter?.search?.trim()) {
    const pattern = containsPattern(filter.search);
    where.$or = [{ name: { $ilike: pattern } }, { address: { $ilike: pattern } }];
  }
  return paginate(em, Site, { where, sortField: order?.field ?? SiteOrderField.NAME, sortDirection: order?.direction ?? SortDirection.ASC, args }, SiteType.from);
}
