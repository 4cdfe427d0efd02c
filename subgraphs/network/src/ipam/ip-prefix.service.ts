import type { FilterQuery } from '@mikro-orm/core';
import { AppError, expectGlobalId, lockKey, paginate, SortDirection, type ConnectionArgs, type EntityManager } from '@dotmac/kernel';
import { notFoundIn } from '../shared/errors.js';
import { optionalText } from '../shared/text.js';
import { conflictOnUnique } from '../shared/unique-violation.js';
import { contains, formatNetwork, type IpNetwork } from './ip-address.js';
import { IpPrefix } from './ip-prefix.entity.js';
import { IpPrefixType } from './ip-prefix.type.js';
import { prefixOf, storedPrefix } from './ip-range.js';
import type { CreatePrefixInput, PrefixFilter } from './ipam.input.js';

/** Serialises changes to one tenant's prefix tree, so parents are found and children moved consistently. */
const lockPrefixTree = (em: EntityManager, tenantId: string) => lockKey(em, `ipam-prefixes:${tenantId}`);

export async function findPrefix(em: EntityManager, id: string, field = 'prefixId'): Promise<IpPrefix> {
  const prefix = await em.findOne(IpPrefix, { id });
  if (!prefix) throw notFoundIn('IpPrefix', field);
  return prefix;
}

/** The smallest existing prefix strictly containing `net`, or none. */
async function smallestContainer(em: EntityManager, tenantId: string, net: IpNetwork): Promise<IpPrefix | null> {
  const [row] = await em.execute<{ id: string }[]>(
    `select id from ip_prefix where tenant_id = ? and prefix >> ?::cidr order by masklen(prefix) desc limit 1`,
    [tenantId, formatNetwork(net)],
  );
  return row ? findPrefix(em, row.id) : null;
}

/** The parent a new prefix gets: the one named (which must contain it, with nothing in between) or the smallest container. */
async function parentFor(em: EntityManager, tenantId: string, net: IpNetwork, parentId: string | null | undefined): Promise<IpPrefix | null> {
  const container = await smallestContainer(em, tenantId, net);
  if (!parentId) return container;
  const named = await findPrefix(em, expectGlobalId(parentId, 'IpPrefix', 'parentId'), 'parentId');
  const parentNet = storedPrefix(named.prefix);
  const inside = parentNet.length < net.length && contains(parentNet, { family: net.family, value: net.network });
  if (!inside) throw AppError.badInput(`${formatNetwork(net)} does not lie inside ${named.prefix}`, 'prefix');
  if (container && container.id !== named.id) throw AppError.conflict(`${container.prefix} lies between ${named.prefix} and ${formatNetwork(net)}; nest it there`, 'parentId');
  return named;
}

export async function createPrefix(em: EntityManager, tenantId: string, input: CreatePrefixInput): Promise<IpPrefix> {
  const net = prefixOf(input.prefix);
  const description = optionalText(input.description, 'description', 2000);
  await lockPrefixTree(em, tenantId);
  const parent = await parentFor(em, tenantId, net, input.parentId);
  const created = em.create(IpPrefix, { tenantId, prefix: formatNetwork(net), parentId: parent?.id ?? null, description });
  await conflictOnUnique(() => em.flush(), { ip_prefix_tenant_prefix_unique: { message: `${formatNetwork(net)} already exists`, field: 'prefix' } });
  // Prefixes that were directly under the new one's parent and lie inside it now hang below it.
  await em.execute(
    `update ip_prefix set parent_id = ? where tenant_id = ? and prefix << ?::cidr and parent_id is not distinct from ?::uuid and id <> ?`,
    [created.id, tenantId, created.prefix, parent?.id ?? null, created.id],
  );
  return created;
}

export function listPrefixes(em: EntityManager, tenantId: string, filter: PrefixFilter | undefined, args: ConnectionArgs, direction = SortDirection.ASC) {
  const where: FilterQuery<IpPrefix> & Record<string, unknown> = { tenantId };
  if (filter?.parentId) where.parentId = expectGlobalId(filter.parentId, 'IpPrefix', 'filter.parentId');
  if (filter?.topLevelOnly) where.parentId = null;
  return paginate(em, IpPrefix, { where, sortField: 'prefix', sortDirection: direction, args }, IpPrefixType.from);
}
