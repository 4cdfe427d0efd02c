import { AppError, fromGlobalId } from '@dotmac/kernel';
import { objectReadScope } from '../access/network-access.js';
import type { NetworkContext } from '../context.js';
import { Site } from './site.entity.js';
import { SiteType } from './site.type.js';

/** Resolves Site entities for the gateway (e.g. `node(id)`); another ISP's is NOT_FOUND. */
export async function resolveSiteReference(reference: { id: string }, ctx: NetworkContext): Promise<SiteType> {
  const { type, id } = fromGlobalId(reference.id);
  const scope = objectReadScope(ctx.viewer);
  const row = type === 'Site' ? await ctx.db.run(scope, (em) => em.findOne(Site, { id })) : null;
  if (!row) throw AppError.notFound('Site', reference.id);
  return SiteType.from(row);
}
