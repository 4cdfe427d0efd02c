/**
 * Data plumbing of plan execution, with the federation executor's semantics: merging fetched data
 * into the result, collecting the entities under a plan path, building entity representations
 * from a fetch's `requires`, and mapping a subgraph error's path back into the response.
 */
import type { QueryPlanSelectionNode, ResponsePath } from '@apollo/query-planner';
import { isAbstractType, isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';

export type Data = Record<string, unknown>;

const hasOwn = (value: object, key: string) => Object.prototype.hasOwnProperty.call(value, key);

function isObject(value: unknown): value is Data {
  return value !== undefined && value !== null && typeof value === 'object' && !Array.isArray(value);
}

function defineOwn(target: Data, key: string): void {
  if (!hasOwn(target, key) && key in target) Object.defineProperty(target, key, { configurable: true, enumerable: true, value: undefined, writable: true });
}

/** Merges `source` into `target` in place: objects recursively, equal-length lists element-wise. */
export function deepMerge(target: Data, source: unknown): Data {
  if (source === undefined || source === null) return target;
  const from = source as Data;
  for (const key of Object.keys(from)) {
    const value = from[key];
    if (value === undefined) continue;
    defineOwn(target, key);
    const current = target[key];
    if (current && isObject(value)) {
      deepMerge(current as Data, value);
    } else if (Array.isArray(value) && Array.isArray(current) && value.length === current.length) {
      for (let index = 0; index < value.length; index += 1) {
        if (isObject(current[index]) && isObject(value[index])) deepMerge(current[index] as Data, value[index]);
        else current[index] = value[index];
      }
    } else {
      target[key] = value;
    }
  }
  return target;
}

/** Everything at `path` below `value`, lists flattened where the path says `@`. */
export function flattenAtPath(value: unknown, path: ResponsePath, from = 0): unknown {
  let current = value;
  for (let index = from; index < path.length; index += 1) {
    if (current === undefined || current === null) return current;
    const element = path[index];
    if (element === '@') {
      const flattened: unknown[] = [];
      for (const item of current as unknown[]) {
        const below = flattenAtPath(item, path, index + 1);
        if (Array.isArray(below)) for (const entry of below) flattened.push(entry);
        else flattened.push(below);
      }
      return flattened;
    }
    if (typeof element !== 'string') throw new Error(`Unexpected ${typeof element} found in path`);
    if (Array.isArray(current)) throw new Error(`Unexpected array in result for path element ${element}`);
    current = hasOwn(current as Data, element) ? (current as Data)[element] : undefined;
  }
  return current;
}

/** Whether `value`'s `__typename` is `typeCondition` or a type inside it (in the supergraph). */
function isObjectOfType(schema: GraphQLSchema, value: Data, typeCondition: string): boolean {
  const typename = value.__typename;
  if (!typename) return false;
  if (typeCondition === typename) return true;
  const type = schema.getType(typename as string);
  const condition = schema.getType(typeCondition);
  if (!type || !condition || !isAbstractType(condition)) return false;
  return (isObjectType(type) || isInterfaceType(type)) && schema.isSubType(condition, type);
}

/** The representation of an entity for a fetch's `requires`; null when a required field is missing. */
export function representationOf(schema: GraphQLSchema, source: unknown, selections: readonly QueryPlanSelectionNode[]): Data | null {
  if (source === null) return null;
  const value = source as Data;
  const result = Object.create(null) as Data;
  for (const selection of selections) {
    if (selection.kind === 'Field') {
      const responseName = selection.alias ?? selection.name;
      if (!hasOwn(value, responseName) || value[responseName] === undefined) return null;
      const fieldValue = value[responseName];
      const nested = selection.selections;
      if (Array.isArray(fieldValue)) result[responseName] = fieldValue.map((element) => (nested ? representationOf(schema, element, nested) : element));
      else result[responseName] = nested ? representationOf(schema, fieldValue, nested) : fieldValue;
    } else {
      if (!selection.typeCondition || !source) continue;
      if (isObjectOfType(schema, value, selection.typeCondition)) deepMerge(result, representationOf(schema, value, selection.selections));
    }
  }
  return result;
}

/** Every concrete response path that `path` (with `@` for list elements) reaches in `data`. */
export function hydratedPaths(path: ResponsePath, data: unknown): (string | number)[][] {
  const result: (string | number)[][] = [];
  const walk = (parent: (string | number)[], from: number, value: unknown) => {
    if (value === null || value === undefined) return;
    const head = path[from];
    if (head === undefined) {
      result.push(parent.slice());
    } else if (head === '@') {
      if (!Array.isArray(value)) throw new Error('expected array when encountering `@`');
      value.forEach((element, index) => {
        parent.push(index);
        walk(parent, from + 1, element);
        parent.pop();
      });
    } else if (typeof head === 'string') {
      if (Array.isArray(value)) {
        value.forEach((element, index) => {
          parent.push(index);
          walk(parent, from, element);
          parent.pop();
        });
      } else if (hasOwn(value as Data, head)) {
        parent.push(head);
        walk(parent, from + 1, (value as Data)[head]);
        parent.pop();
      }
    } else {
      throw new Error(`unknown path part "${String(head)}"`);
    }
  };
  walk([], 0, data);
  return result;
}
