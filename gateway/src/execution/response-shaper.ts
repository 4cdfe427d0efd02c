import { ERRORS } from '@apollo/federation-internals';
import { isAbstractType, isCompositeType, isInterfaceType, isObjectType, type GraphQLCompositeType, type GraphQLError, type GraphQLNamedType, type GraphQLSchema } from 'graphql';
import type { Step, Variables } from './compiled-selection.js';
import type { OutputType } from './output-type.js';

/**
 * Builds the client's response from the data merged from every fetch, following the operation:
 * response names and order, `__typename`, fragments by runtime type, `@skip`/`@include`, leaf
 * values checked against their types, and nulls propagated to the nearest nullable field with an
 * error, exactly as the federation result shaper does, on steps compiled once per operation.
 */
export interface ShapeResult {
  data: Record<string, unknown> | null;
  errors: GraphQLError[];
}

type Path = (string | number)[];
type Input = Record<string, unknown>;
type Output = Record<string, unknown>;

interface ShapeContext {
  readonly schema: GraphQLSchema;
  readonly variables: Variables;
  readonly errors: GraphQLError[];
}

interface Updated {
  updated: unknown;
  isInvalid?: boolean;
  hasErrors?: boolean;
}

const own = Object.prototype.hasOwnProperty;

function setOwn(target: Output, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** The federation rule: the same type, or an object or interface type inside an abstract one. */
function isSubtypeOf(schema: GraphQLSchema, condition: GraphQLCompositeType, type: GraphQLNamedType): boolean {
  if (condition.name === type.name) return true;
  return isAbstractType(condition) && (isObjectType(type) || isInterfaceType(type)) && schema.isSubType(condition, type);
}

function describeLast(path: Path, currentType: string, parentType: GraphQLNamedType): string {
  const element = path[path.length - 1];
  return typeof element === 'string' ? `field ${parentType.name}.${element}` : `array element of type ${currentType} at index ${element}`;
}

function fail(message: string): never {
  throw new Error(message);
}

function applySelection(context: ShapeContext, input: Input, steps: readonly Step[], output: Output, path: Path, parentType: GraphQLCompositeType): boolean {
  for (const step of steps) {
    if (step.skip && step.skip(context.variables)) continue;
    if (step.kind === 'field') {
      const inputValue = own.call(input, step.responseName) ? (input[step.responseName] ?? null) : null;
      path.push(step.responseName);
      const result = updateValue(context, output[step.responseName], step.type, inputValue, step.selection, path, parentType);
      setOwn(output, step.responseName, result.updated);
      path.pop();
      if (result.isInvalid) return true;
    } else if (step.kind === 'typename') {
      if (output[step.responseName] !== undefined) continue;
      let inputValue: unknown = own.call(input, step.responseName) ? (input[step.responseName] ?? null) : null;
      if (inputValue === null && step.responseName !== '__typename') inputValue = input.__typename ?? null;
      const type = typeof inputValue === 'string' ? (context.schema.getType(inputValue) ?? parentType) : parentType;
      if (!isObjectType(type)) return true;
      setOwn(output, step.responseName, type.name);
    } else {
      const typename = input.__typename;
      if (typename !== undefined && typename !== null && typeof typename !== 'string') fail(`Got unexpected value for __typename: ${String(typename)}`);
      if (step.typeCondition && !conditionApplies(context, step.typeCondition, typename as string | undefined, parentType)) continue;
      if (applySelection(context, input, step.selection, output, path, step.typeCondition ?? parentType)) return true;
    }
  }
  return false;
}

function conditionApplies(context: ShapeContext, condition: GraphQLCompositeType, typename: string | undefined | null, parentType: GraphQLCompositeType): boolean {
  if (typename) {
    const type = context.schema.getType(typename);
    return !!type && isSubtypeOf(context.schema, condition, type);
  }
  return isSubtypeOf(context.schema, condition, parentType);
}

function updateValue(
  context: ShapeContext,
  outputValue: unknown,
  type: OutputType,
  inputValue: unknown,
  selection: readonly Step[] | undefined,
  path: Path,
  parentType: GraphQLCompositeType,
): Updated {
  if (outputValue === null || (outputValue !== undefined && !selection)) return { updated: outputValue };
  switch (type.kind) {
    case 'nonNull': {
      const inner = updateValue(context, outputValue, type.ofType, inputValue, selection, path, parentType);
      if (inner.updated !== null) return { updated: inner.updated };
      if (!inner.hasErrors) {
        context.errors.push(
          ERRORS.INVALID_GRAPHQL.err(`Cannot return null for non-nullable ${describeLast(path, type.ofType.text, parentType)}.`, { path: Array.from(path) }),
        );
      }
      return { updated: null, isInvalid: true, hasErrors: true };
    }
    case 'list': {
      if (inputValue === null) return { updated: null };
      if (!Array.isArray(inputValue)) fail(`Invalid non-list value ${String(inputValue)} returned by subgraph for list type ${type.text}`);
      if (outputValue !== undefined && !Array.isArray(outputValue)) fail(`Invalid non-list value ${String(outputValue)} returned by subgraph for list type ${type.text}`);
      const existing = outputValue as unknown[] | undefined;
      if (existing && existing.length !== inputValue.length) fail(`[${String(inputValue)}].length (${inputValue.length}) !== [${String(existing)}].length (${existing.length})`);
      let nullify = false;
      let hasErrors = false;
      const updated = new Array<unknown>(inputValue.length);
      for (let index = 0; index < inputValue.length; index += 1) {
        path.push(index);
        const element = updateValue(context, existing ? existing[index] : undefined, type.ofType, inputValue[index], selection, path, parentType);
        path.pop();
        if (element.isInvalid) nullify = true;
        if (element.hasErrors) hasErrors = true;
        updated[index] = element.updated;
      }
      return { updated: nullify ? null : updated, hasErrors };
    }
    case 'composite': {
      if (inputValue === null) return { updated: null };
      if (!selection) fail(`Invalid empty selection set for composite type ${type.text}`);
      if (typeof inputValue !== 'object') fail(`Invalid non-object value ${String(inputValue)} returned by subgraph for composite type ${type.text}`);
      if (outputValue !== undefined && typeof outputValue !== 'object') fail(`Invalid non-object value ${String(inputValue)} returned by subgraph for composite type ${type.text}`);
      const typename = (inputValue as Input).__typename;
      if (typename !== undefined && typeof typename !== 'string') fail(`Invalid non-string value ${String(typename)} for __typename at ${path.join(',')}`);
      let objectType: GraphQLCompositeType = type.type;
      if (typename) {
        const named = context.schema.getType(typename);
        if (!named || !isCompositeType(named)) {
          context.errors.push(ERRORS.INVALID_GRAPHQL.err(`Invalid __typename found for object at ${describeLast(path, type.text, parentType)}.`, { path: Array.from(path) }));
          return { updated: null, hasErrors: true };
        }
        objectType = named;
      }
      const target = (outputValue as Output | undefined) ?? (Object.create(null) as Output);
      const bubbled = applySelection(context, inputValue as Input, selection, target, path, objectType);
      return { updated: bubbled ? null : target, hasErrors: bubbled };
    }
    case 'leaf': {
      if (inputValue === null) return { updated: null };
      if (outputValue !== undefined) fail(`Excepted output to be undefined but got ${type.text} for type ${type.text}`);
      const valid = type.isValid(inputValue);
      if (!valid) context.errors.push(ERRORS.INVALID_GRAPHQL.err(`Invalid value found for ${describeLast(path, type.text, parentType)}.`, { path: Array.from(path) }));
      return { updated: valid ? inputValue : null, hasErrors: !valid };
    }
  }
}

/** Shapes `input` (every fetch merged) by the operation's compiled root selection. */
export function shapeResponse(schema: GraphQLSchema, rootType: GraphQLCompositeType, steps: readonly Step[], input: Input | null | undefined, variables: Variables): ShapeResult {
  if (!input) return { data: (input ?? null) as null, errors: [] };
  const context: ShapeContext = { schema, variables, errors: [] };
  const data = Object.create(null) as Output;
  const bubbled = applySelection(context, input, steps, data, [], rootType);
  return { data: bubbled ? null : data, errors: context.errors };
}
