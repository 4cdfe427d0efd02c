import { ERRORS, operationFromDocument, type Schema, type VariableDefinitions } from '@apollo/federation-internals';
import type { PlanNode, QueryPlan, QueryPlanner } from '@apollo/query-planner';
import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type VariableDefinitionNode,
} from 'graphql';
import { compileSelection, UnsupportedOperation, type Step } from './compiled-selection.js';

/** The operation to run and the document's fragments (the shape @apollo/gateway's executor takes). */
export interface OperationContext {
  readonly schema: GraphQLSchema;
  readonly operation: OperationDefinitionNode;
  readonly fragments: Record<string, FragmentDefinitionNode>;
}

function operationContextOf(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): OperationContext {
  let operation: OperationDefinitionNode | undefined;
  let operations = 0;
  const fragments = Object.create(null) as Record<string, FragmentDefinitionNode>;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) {
      operations += 1;
      if (!operationName && operations > 1) throw ERRORS.INVALID_GRAPHQL.err('Must provide operation name if query contains multiple operations.');
      if (!operationName || definition.name?.value === operationName) operation = definition;
    } else if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments[definition.name.value] = definition;
    }
  }
  if (!operation) throw ERRORS.INVALID_GRAPHQL.err(operationName ? `Unknown operation named "${operationName}".` : 'Must provide an operation.');
  return { schema, operation, fragments };
}

/** What DotMac's executor needs to run an operation without re-reading it. */
export interface FastPath {
  readonly rootType: GraphQLObjectType;
  readonly steps: Step[];
  /** Values of variables that have defaults, overridden by the request's own. */
  readonly defaults: Record<string, unknown>;
  readonly variableDefinitions: VariableDefinitions;
}

/** One operation of one document, read, planned and compiled once. */
export interface PreparedOperation {
  readonly plan: QueryPlan;
  readonly operationContext: OperationContext;
  readonly variableDefinitionNodes: readonly VariableDefinitionNode[];
  /** Absent when the operation needs what only the stock executor does (introspection, @defer, rewrites, subscriptions). */
  readonly fastPath?: FastPath;
}

export interface PreparationSchemas {
  /** The API schema in federation's model (what the planner plans on). */
  readonly apiSchema: Schema;
  /** The same API schema for graphql-js (what clients validate against). */
  readonly graphqlApiSchema: GraphQLSchema;
  readonly planner: QueryPlanner;
}

function planIsSupported(node: QueryPlan['node'] | PlanNode | undefined): boolean {
  if (!node) return true;
  switch (node.kind) {
    case 'Sequence':
    case 'Parallel':
      return node.nodes.every(planIsSupported);
    case 'Flatten':
      return planIsSupported(node.node);
    case 'Condition':
      return planIsSupported(node.ifClause) && planIsSupported(node.elseClause);
    case 'Fetch':
      return !node.inputRewrites?.length && !node.outputRewrites?.length && !node.contextRewrites?.length && !node.hasDefers;
    default:
      return false;
  }
}

export function prepareOperation(schemas: PreparationSchemas, document: DocumentNode, operationName: string | undefined): PreparedOperation {
  const operationContext = operationContextOf(schemas.graphqlApiSchema, document, operationName);
  const operation = operationFromDocument(schemas.apiSchema, document, { operationName });
  const plan = schemas.planner.buildQueryPlan(operation);
  const definition = operationContext.operation;
  const prepared = { plan, operationContext, variableDefinitionNodes: definition.variableDefinitions ?? [] };
  const rootType =
    definition.operation === 'query' ? schemas.graphqlApiSchema.getQueryType() : definition.operation === 'mutation' ? schemas.graphqlApiSchema.getMutationType() : undefined;
  if (!rootType || !planIsSupported(plan.node)) return prepared;
  try {
    const fragments = new Map<string, FragmentDefinitionNode>(Object.entries(operationContext.fragments));
    const steps = compileSelection(schemas.graphqlApiSchema, definition.selectionSet, rootType, fragments);
    const defaults = { ...operation.collectDefaultedVariableValues() } as Record<string, unknown>;
    return { ...prepared, fastPath: { rootType, steps, defaults, variableDefinitions: operation.variableDefinitions } };
  } catch (error) {
    if (error instanceof UnsupportedOperation) return prepared;
    throw error;
  }
}

/** A bounded map of prepared operations, least recently used first out. */
export class PreparedOperationCache {
  private readonly entries = new Map<string, PreparedOperation>();

  constructor(private readonly maxEntries: number) {}

  get(key: string): PreparedOperation | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: PreparedOperation): void {
    this.entries.set(key, entry);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}
