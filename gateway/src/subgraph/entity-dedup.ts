import type { GraphQLFormattedError } from 'graphql';

export interface DedupedRepresentations {
  /** Each distinct representation once, in order of first appearance. */
  distinct: unknown[];
  /** For every original position, the position of its representation in `distinct`. */
  positionOf: number[];
}

const FIELD = '\u0000';
const END = '\u0001';

/**
 * A text that is equal for equal representations: for the usual flat ones (scalar key fields) the
 * field names and tagged values joined, cheaper than JSON; otherwise, or when a string holds one of
 * the separators, their JSON. Two representations that differ only in key order get different
 * texts and are both sent, which is still correct.
 */
export function representationKey(representation: unknown): string {
  if (!representation || typeof representation !== 'object' || Array.isArray(representation)) return `J${JSON.stringify(representation)}`;
  let key = '';
  for (const name in representation as Record<string, unknown>) {
    const value = (representation as Record<string, unknown>)[name];
    if (typeof value === 'string') {
      if (value.includes(FIELD) || value.includes(END) || name.includes(FIELD)) return `J${JSON.stringify(representation)}`;
      key += `${name}${FIELD}s${value}${END}`;
    } else if (typeof value === 'number' || typeof value === 'boolean') {
      key += `${name}${FIELD}${typeof value === 'number' ? 'n' : 'b'}${String(value)}${END}`;
    } else if (value === null) {
      key += `${name}${FIELD}z${END}`;
    } else {
      return `J${JSON.stringify(representation)}`;
    }
  }
  return key;
}

/**
 * Collapses repeated entity representations (the same key asked for from many places). The gateway
 * builds every representation of one fetch from the same selection, so equal representations have
 * equal keys (see representationKey).
 */
export function dedupeRepresentations(representations: readonly unknown[]): DedupedRepresentations {
  const seen = new Map<string, number>();
  const distinct: unknown[] = [];
  const positionOf = representations.map((representation) => {
    const key = representationKey(representation);
    let position = seen.get(key);
    if (position === undefined) {
      position = distinct.length;
      seen.set(key, position);
      distinct.push(representation);
    }
    return position;
  });
  return { distinct, positionOf };
}

interface EntitiesResponse {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
}

/**
 * Maps an `_entities` answer for the distinct representations back onto the original list: every
 * position gets its entity, and every error about an entity is repeated for each position that
 * asked for it, with that position in its path, in order of position, as a subgraph answering the
 * full list would have reported them.
 */
export function expandEntitiesResponse<R extends EntitiesResponse>(response: R, positionOf: readonly number[]): R {
  const entities = response.data?._entities;
  const data = Array.isArray(entities) ? { ...response.data, _entities: positionOf.map((position) => entities[position] ?? null) } : response.data;
  if (!response.errors?.length) return { ...response, data };
  const originalsOf = new Map<number, number[]>();
  positionOf.forEach((position, original) => originalsOf.set(position, [...(originalsOf.get(position) ?? []), original]));
  const general: GraphQLFormattedError[] = [];
  const perEntity: { original: number; order: number; error: GraphQLFormattedError }[] = [];
  response.errors.forEach((error, order) => {
    const [head, position, ...rest] = error.path ?? [];
    if (head !== '_entities' || typeof position !== 'number' || !originalsOf.has(position)) {
      general.push(error);
      return;
    }
    for (const original of originalsOf.get(position)!) perEntity.push({ original, order, error: { ...error, path: ['_entities', original, ...rest] } });
  });
  perEntity.sort((a, b) => a.original - b.original || a.order - b.order);
  return { ...response, data, errors: [...general, ...perEntity.map((entry) => entry.error)] };
}
