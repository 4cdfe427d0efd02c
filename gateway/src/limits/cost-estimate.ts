import { Kind, type FieldNode, type GraphQLNamedType, type GraphQLSchema, type OperationDefinitionNode, type ValueNode } from 'graphql';
import { measureOperation, sum, type FragmentTable } from './operation-fold.js';

/** Page size assumed when `first`/`last` holds something other than a number or null. */
export const UNKNOWN_PAGE_SIZE = 100;
/** Page size a connection returns when neither `first` nor `last` is given (kernel DEFAULT_PAGE_SIZE). */
export const DEFAULT_PAGE_SIZE = 20;

export type Variables = Readonly<Record<string, unknown>> | undefined;

/** A page size, or undefined when the argument is absent or null (the subgraph's default applies). */
function pageSize(value: ValueNode, operation: OperationDefinitionNode, variables: Variables): number | undefined {
  if (value.kind === Kind.NULL) return undefined;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind !== Kind.VARIABLE) return UNKNOWN_PAGE_SIZE;
  const name = value.name.value;
  const given = variables?.[name];
  if (typeof given === 'number' && Number.isFinite(given)) return given;
  if (given === null) return undefined;
  if (given !== undefined) return UNKNOWN_PAGE_SIZE;
  const definition = operation.variableDefinitions?.find((candidate) => candidate.variable.name.value === name);
  return definition?.defaultValue ? pageSize(definition.defaultValue, operation, undefined) : undefined;
}

/** How many times a field's subtree is produced. */
function multiplier(field: FieldNode, type: GraphQLNamedType | undefined, operation: OperationDefinitionNode, variables: Variables): number {
  let size: number | undefined;
  for (const argument of field.arguments ?? []) {
    if (argument.name.value !== 'first' && argument.name.value !== 'last') continue;
    const value = pageSize(argument.value, operation, variables);
    if (value !== undefined) size = Math.max(size ?? 0, value);
  }
  if (size !== undefined) return Math.max(0, size);
  return type?.name.endsWith('Connection') ? DEFAULT_PAGE_SIZE : 1;
}

/**
 * Estimated cost of executing an operation. Every field costs 1. A field with a `first` or `last`
 * argument multiplies the cost of its subtree by that page size, read from the literal, the
 * request's variables or the variable's default (UNKNOWN_PAGE_SIZE when it is not a number); a
 * field returning a `...Connection` type without either multiplies by DEFAULT_PAGE_SIZE (needs
 * `schema`). Other list fields count once: unbounded collections in DotMac are Relay connections,
 * and plain lists (`edges` of a page already counted, roles, …) are bounded by their parent.
 */
export function estimateCost(
  operation: OperationDefinitionNode,
  fragments: FragmentTable,
  variables: Variables,
  schema?: GraphQLSchema,
): number {
  return measureOperation(
    operation,
    fragments,
    { field: (node, children, type) => 1 + multiplier(node, type, operation, variables) * children, siblings: sum },
    schema,
  );
}
