import type { EntityName } from '@mikro-orm/core';
import { AppError, fromGlobalId } from '@dotmac/kernel';
import { objectReadScope } from '../access/network-access.js';
import type { NetworkContext } from '../context.js';

/**
 * A `__resolveReference` (also behind `node(id)`) for one entity type: readers of the network see
 * their own ISP's objects (platform admins every ISP's); anything else is NOT_FOUND.
 */
export function referenceResolver<E extends object, T>(tag: string, entity: EntityName<E>, toType: (row: E) => T) {
  return async (reference: { id: string }, ctx: NetworkContext): Promise<T> => {
    const { type, id } = fromGlobalId(reference.id);
    const scope = objectReadScope(ctx.viewer);
    const row = type === tag ? await ctx.db.run(scope, (em) => em.findOne(entity, { id } as never)) : null;
    if (!row) throw AppError.notFound(tag, reference.id);
    return toType(row as E);
  };
}
