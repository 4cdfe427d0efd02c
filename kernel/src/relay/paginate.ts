import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import type { EntityName } from '@mikro-orm/core';
import { decodeCursor, encodeCursor, pageRequest, SortDirection, type Connection, type ConnectionArgs } from './connection.js';

export interface PaginateOptions<E> {
  where: FilterQuery<E>;
  /** Entity property to sort by; ties are broken by `id` so the order is total. */
  sortField: keyof E & string;
  sortDirection: SortDirection;
  args: ConnectionArgs;
}

/**
 * Keyset pagination over one entity: runs the page query (one row more than asked, to know whether
 * another page exists) and the count query, and returns a Relay connection of `toNode(entity)`.
 */
export async function paginate<E extends { id: string }, N>(
  em: EntityManager,
  entity: EntityName<E>,
  options: PaginateOptions<E>,
  toNode: (row: E) => N,
): Promise<Connection<N>> {
  const request = pageRequest(options.args);
  const ascending = (options.sortDirection === SortDirection.ASC) === (request.direction === 'forward');
  const field = options.sortField;
  const conditions: FilterQuery<E>[] = [options.where];
  if (request.cursor) {
    const [value, id] = decodeCursor(request.cursor, request.direction === 'forward' ? 'after' : 'before');
    const op = ascending ? '$gt' : '$lt';
    conditions.push({ $or: [{ [field]: { [op]: value } }, { [field]: value, id: { [op]: id } }] } as FilterQuery<E>);
  }
  const order = ascending ? 'asc' : 'desc';
  // Sequential on purpose: both run on the one connection of the surrounding transaction.
  const rows =
    request.size === 0
      ? []
      : await em.find(entity, { $and: conditions } as FilterQuery<E>, {
          orderBy: [{ [field]: order }, { id: order }] as never,
          limit: request.size + 1,
        });
  const hasMore = rows.length > request.size;
  // A first page that holds everything already knows the count: skip the second query.
  const wholeResult = !request.cursor && !hasMore && request.size > 0;
  const totalCount = wholeResult ? rows.length : await em.count(entity, options.where);
  const page = rows.slice(0, request.size);
  if (request.direction === 'backward') page.reverse();
  const edges = page.map((row) => ({ cursor: encodeCursor(row[field], row.id), node: toNode(row) }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: request.direction === 'forward' ? hasMore : Boolean(options.args.before),
      hasPreviousPage: request.direction === 'backward' ? hasMore : Boolean(options.args.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
