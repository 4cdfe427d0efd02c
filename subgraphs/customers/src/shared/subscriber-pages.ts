import DataLoader from 'dataloader';
import {
  decodeCursor,
  encodeCursor,
  pageRequest,
  SortDirection,
  type Connection,
  type ConnectionArgs,
  type Database,
  type EntityManager,
  type Scope,
} from '@dotmac/kernel';
import type { EntityName } from '@mikro-orm/core';

/** An extra SQL condition on the paged table (`t`), with its `?` parameters. */
export interface SqlCondition {
  sql: string;
  params: unknown[];
}

/** One page of one subscriber's records, as a field resolver asks for it. */
export interface PageQuery {
  subscriberId: string;
  args: ConnectionArgs;
  direction: SortDirection;
  where?: SqlCondition;
}

/** A table of per-subscriber records paged by time (then id). Its time column must be timestamptz(3). */
export interface PagedTable<E> {
  entity: EntityName<E>;
  table: string;
  timeColumn: string;
  timeOf: (row: E) => Date;
}

type Row = Record<string, unknown> & { subscriber_id: string };

const shapeKey = (query: PageQuery): string =>
  JSON.stringify([query.args.first, query.args.after, query.args.last, query.args.before, query.direction, query.where ?? null]);

async function countBySubscriber(em: EntityManager, table: string, subscriberIds: string[], where?: SqlCondition): Promise<Map<string, number>> {
  if (subscriberIds.length === 0) return new Map();
  const rows = await em.execute<{ subscriber_id: string; total: number }[]>(
    `select t.subscriber_id, count(*)::int as total from "${table}" t
     where t.subscriber_id in (select jsonb_array_elements_text(?::jsonb)::uuid) ${where ? `and ${where.sql}` : ''}
     group by t.subscriber_id`,
    [JSON.stringify(subscriberIds), ...(where?.params ?? [])],
  );
  return new Map(rows.map((row) => [row.subscriber_id, row.total]));
}

/** The same page of several subscribers' records: one ranked query, plus one count when needed. */
async function pagesOfOneShape<E extends { id: string }, N>(
  em: EntityManager,
  table: PagedTable<E>,
  shape: PageQuery,
  subscriberIds: string[],
  toNode: (row: E) => N,
): Promise<Map<string, Connection<N>>> {
  const request = pageRequest(shape.args);
  const ascending = (shape.direction === SortDirection.ASC) === (request.direction === 'forward');
  const order = ascending ? 'asc' : 'desc';
  const conditions: string[] = [];
  const params: unknown[] = [JSON.stringify(subscriberIds)];
  if (shape.where) {
    conditions.push(shape.where.sql);
    params.push(...shape.where.params);
  }
  if (request.cursor) {
    const [time, id] = decodeCursor(request.cursor, request.direction === 'forward' ? 'after' : 'before');
    conditions.push(`(t."${table.timeColumn}", t.id) ${ascending ? '>' : '<'} (?::timestamptz, ?::uuid)`);
    params.push(time, id);
  }
  const rows =
    request.size === 0
      ? []
      : await em.execute<Row[]>(
          `select ranked.* from (
             select t.*, row_number() over (partition by t.subscriber_id order by t."${table.timeColumn}" ${order}, t.id ${order}) as page_rank
             from "${table.table}" t
             where t.subscriber_id in (select jsonb_array_elements_text(?::jsonb)::uuid) ${conditions.map((sql) => `and ${sql}`).join(' ')}
           ) ranked where ranked.page_rank <= ? order by ranked.subscriber_id, ranked.page_rank`,
          [...params, request.size + 1],
        );
  const bySubscriber = new Map<string, E[]>(subscriberIds.map((id) => [id, []]));
  for (const { page_rank: _rank, ...row } of rows) bySubscriber.get(row.subscriber_id as string)?.push(em.map(table.entity, row as never) as E);
  const needCount = subscriberIds.filter((id) => request.cursor || request.size === 0 || (bySubscriber.get(id)?.length ?? 0) > request.size);
  const counts = await countBySubscriber(em, table.table, needCount, shape.where);
  const pages = new Map<string, Connection<N>>();
  for (const [subscriberId, found] of bySubscriber) {
    const hasMore = found.length > request.size;
    const page = found.slice(0, request.size);
    if (request.direction === 'backward') page.reverse();
    const edges = page.map((row) => ({ cursor: encodeCursor(table.timeOf(row), row.id), node: toNode(row) }));
    pages.set(subscriberId, {
      edges,
      totalCount: counts.get(subscriberId) ?? (needCount.includes(subscriberId) ? 0 : found.length),
      pageInfo: {
        hasNextPage: request.direction === 'forward' ? hasMore : Boolean(shape.args.before),
        hasPreviousPage: request.direction === 'backward' ? hasMore : Boolean(shape.args.after),
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    });
  }
  return pages;
}

/**
 * A DataLoader of per-subscriber connections: every subscriber of a list asking for the same page
 * shape is answered by one ranked query (row_number per subscriber), not one query each.
 */
export function subscriberPagesLoader<E extends { id: string }, N>(
  db: Database,
  scope: Scope | undefined,
  table: PagedTable<E>,
  toNode: (row: E) => N,
): DataLoader<PageQuery, Connection<N>, string> {
  return new DataLoader(
    async (queries) => {
      const empty = (): Connection<N> => ({ edges: [], totalCount: 0, pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } });
      if (!scope) return queries.map(empty);
      const shapes = new Map<string, PageQuery[]>();
      for (const query of queries) shapes.set(shapeKey(query), [...(shapes.get(shapeKey(query)) ?? []), query]);
      const answers = new Map<string, Connection<N>>();
      await db.run(scope, async (em) => {
        for (const [key, group] of shapes) {
          const pages = await pagesOfOneShape(em, table, group[0]!, [...new Set(group.map((query) => query.subscriberId))], toNode);
          for (const [subscriberId, page] of pages) answers.set(`${subscriberId}|${key}`, page);
        }
      });
      return queries.map((query) => answers.get(`${query.subscriberId}|${shapeKey(query)}`) ?? empty());
    },
    { cacheKeyFn: (query) => `${query.subscriberId}|${shapeKey(query)}` },
  );
}
