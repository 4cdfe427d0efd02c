import type { GraphQLSchema, OperationDefinitionNode, ValidationRule } from 'graphql';
import { limitExceeded } from './limit-error.js';
import { fragmentsOf, max, measureOperation, sum, type FragmentTable, type Measure } from './operation-fold.js';

/**
 * `__Type.ofType` adds no depth: it returns one object, never a list, and the standard introspection
 * query nests it nine levels deep to unwrap types like `[[String!]!]!`.
 */
const depth: Measure = {
  field: (node, children, type) => (node.name.value === 'ofType' && type?.name === '__Type' ? children : 1 + children),
  siblings: max,
};
const aliases: Measure = { field: (node, children) => (node.alias ? 1 : 0) + children, siblings: sum };

/**
 * Deepest field nesting of the operation with fragments expanded: `{ a { b } }` has depth 2.
 * Without `schema` every field counts, `ofType` included.
 */
export function operationDepth(operation: OperationDefinitionNode, fragments: FragmentTable, schema?: GraphQLSchema): number {
  return measureOperation(operation, fragments, depth, schema);
}

/** Aliases in the operation with fragments expanded, so a fragment spread five times counts five times. */
export function operationAliases(operation: OperationDefinitionNode, fragments: FragmentTable): number {
  return measureOperation(operation, fragments, aliases);
}

function limitRule(measure: typeof operationDepth, describe: (value: number) => string, limit: number): ValidationRule {
  return (context) => {
    const fragments = fragmentsOf(context.getDocument());
    return {
      OperationDefinition(operation) {
        const value = measure(operation, fragments, context.getSchema());
        if (value > limit) context.reportError(limitExceeded(describe(value), operation));
        return false;
      },
    };
  };
}

/** Rejects operations nested deeper than `maxDepth` fields. */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return limitRule(operationDepth, (value) => `Query depth ${value} exceeds the limit of ${maxDepth}`, maxDepth);
}

/** Rejects operations using more than `maxAliases` aliases (aliases multiply work on one field). */
export function aliasLimitRule(maxAliases: number): ValidationRule {
  return limitRule(operationAliases, (value) => `Query uses ${value} aliases, more than the limit of ${maxAliases}`, maxAliases);
}
