import { ArgsType, Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ClassType } from 'type-graphql';
import { AppError } from '../errors/app-error.js';

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection' });

/** Hard upper bound on a page; the operation cost limit also counts `first`/`last`. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@Directive('@shareable')
@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field() hasPreviousPage: boolean;
  @Field(() => String, { nullable: true }) startCursor: string | null;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `Page size from the start (at most ${MAX_PAGE_SIZE}).` })
  first?: number;
  @Field(() => String, { nullable: true })
  after?: string;
  @Field(() => Int, { nullable: true, description: `Page size from the end (at most ${MAX_PAGE_SIZE}).` })
  last?: number;
  @Field(() => String, { nullable: true })
  before?: string;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * Builds the Relay connection and edge types for one node type, e.g. `TenantConnection` and
 * `TenantEdge`. Call once per node type at module level.
 */
export function connectionType<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field() cursor: string;
    @Field(() => nodeType) node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} objects.` })
  class ConnectionType {
    @Field(() => [EdgeType]) edges: EdgeType[];
    @Field(() => PageInfo) pageInfo: PageInfo;
    @Field(() => Int, { description: 'Number of objects matching the filter, over all pages.' }) totalCount: number;
  }
  return ConnectionType as ClassType<Connection<T>>;
}

/** A page request validated and normalised: which way, how many, from which cursor. */
export interface PageRequest {
  direction: 'forward' | 'backward';
  size: number;
  cursor?: string;
}

export function pageRequest(args: ConnectionArgs): PageRequest {
  if (args.first != null && args.last != null) throw AppError.badInput('Give first or last, not both', 'first');
  const size = args.last ?? args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw AppError.badInput(`Page size must be between 0 and ${MAX_PAGE_SIZE}`, args.last != null ? 'last' : 'first');
  }
  if (args.last != null) return { direction: 'backward', size, cursor: args.before ?? undefined };
  return { direction: 'forward', size, cursor: args.after ?? undefined };
}

/** Cursor = base64url(JSON([sortValue, id])): keyset pagination stable under inserts. */
export function encodeCursor(sortValue: unknown, id: string): string {
  const value = sortValue instanceof Date ? sortValue.toISOString() : sortValue;
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

export function decodeCursor(cursor: string, field: string): [unknown, string] {
  try {
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(decoded) && decoded.length === 2 && typeof decoded[1] === 'string') return decoded as [unknown, string];
  } catch {
    // fall through to the coded error
  }
  throw AppError.badInput('Malformed cursor', field);
}
