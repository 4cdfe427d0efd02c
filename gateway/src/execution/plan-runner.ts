import { ERRORS, errorCodeDef, type VariableDefinitions } from '@apollo/federation-internals';
import type { GraphQLDataSource } from '@apollo/gateway';
import type { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types.js';
import { evaluateCondition, type FetchNode, type PlanNode, type ResponsePath } from '@apollo/query-planner';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { GatewayRequestContext } from './gateway-interface.js';
import { deepMerge, flattenAtPath, hydratedPaths, representationOf, type Data } from './merge-data.js';

const INCOMING_OPERATION = 'incoming operation' as GraphQLDataSourceRequestKind.INCOMING_OPERATION;

export interface RunContext {
  readonly serviceMap: Readonly<Record<string, GraphQLDataSource>>;
  readonly requestContext: GatewayRequestContext;
  /** The supergraph as a graphql-js schema: type conditions of `requires` are checked against it. */
  readonly supergraphSchema: GraphQLSchema;
  readonly variableDefinitions: VariableDefinitions;
  /** Errors of every fetch, in the order they happened. */
  readonly errors: GraphQLError[];
}

interface Cursor {
  readonly path: ResponsePath;
  readonly data: unknown;
  readonly fullResult: Data;
}

/** Runs a query plan's nodes: fetches in sequence or in parallel, merged into `root`. */
export async function runPlan(context: RunContext, node: PlanNode, root: Data): Promise<void> {
  await runNode(context, node, { path: [], data: root, fullResult: root });
}

async function runNode(context: RunContext, node: PlanNode, cursor: Cursor): Promise<void> {
  switch (node.kind) {
    case 'Sequence':
      for (const child of node.nodes) await runNode(context, child, cursor);
      return;
    case 'Parallel':
      await Promise.all(node.nodes.map((child) => runNode(context, child, cursor)));
      return;
    case 'Flatten': {
      const data = flattenAtPath(cursor.data, node.path);
      if (data) await runNode(context, node.node, { path: cursor.path.concat(node.path), data, fullResult: cursor.fullResult });
      return;
    }
    case 'Fetch':
      try {
        await runFetch(context, node, cursor);
      } catch (error) {
        context.errors.push(error as GraphQLError);
      }
      return;
    case 'Condition': {
      const branch = evaluateCondition(node, context.variableDefinitions, context.requestContext.request.variables) ? node.ifClause : node.elseClause;
      if (branch) await runNode(context, branch, cursor);
      return;
    }
    default:
      throw new Error(`Plan node ${node.kind} is not executed by this executor`);
  }
}

async function runFetch(context: RunContext, fetch: FetchNode, cursor: Cursor): Promise<void> {
  const service = context.serviceMap[fetch.serviceName];
  if (!service) throw new Error(`Couldn't find service with name "${fetch.serviceName}"`);
  const entities = (Array.isArray(cursor.data) ? cursor.data.filter((entity) => entity !== null && entity !== undefined) : [cursor.data]) as Data[];
  if (entities.length < 1) return;
  const variables = Object.create(null) as Record<string, unknown>;
  const provided = context.requestContext.request.variables;
  for (const name of fetch.variableUsages ?? []) {
    if (provided && Object.prototype.hasOwnProperty.call(provided, name) && provided[name] !== undefined) variables[name] = provided[name];
  }

  if (!fetch.requires) {
    const data = await send(context, fetch, cursor, variables);
    for (const entity of entities) deepMerge(entity, data);
    return;
  }
  const representations: Data[] = [];
  const entityOf: number[] = [];
  entities.forEach((entity, index) => {
    const representation = representationOf(context.supergraphSchema, entity, fetch.requires!);
    if (representation && representation.__typename) {
      representations.push(representation);
      entityOf.push(index);
    }
  });
  if (representations.length < 1) return;
  if ('representations' in variables) throw new Error('Variables cannot contain key "representations"');
  const data = (await send(context, fetch, cursor, { ...variables, representations })) as Data | null | undefined;
  if (!data) return;
  const received = data._entities;
  if (!Array.isArray(received)) throw new Error('Expected "data._entities" in response to be an array');
  if (received.length !== representations.length) throw new Error(`Expected "data._entities" to contain ${representations.length} elements`);
  for (let index = 0; index < received.length; index += 1) {
    const entity = received[index] as Data | null;
    const existing = entities[entityOf[index]!]!;
    if (entity && !entity.__typename) entity.__typename = existing.__typename;
    deepMerge(existing, entity);
  }
}

async function send(context: RunContext, fetch: FetchNode, cursor: Cursor, variables: Record<string, unknown>): Promise<unknown> {
  const { requestContext } = context;
  const response = await context.serviceMap[fetch.serviceName]!.process({
    kind: INCOMING_OPERATION,
    request: { query: fetch.operation, variables, operationName: fetch.operationName },
    incomingRequestContext: requestContext as never,
    context: requestContext.context,
    document: fetch.operationDocumentNode,
    pathInIncomingRequest: cursor.path,
  });
  if (response.errors) {
    const pathOf = errorPathMapper(fetch, cursor);
    for (const error of response.errors) context.errors.push(downstreamError(error, fetch.serviceName, pathOf));
  }
  return response.data;
}

/** Maps a subgraph error's path into the client's response (entity positions become real paths). */
function errorPathMapper(fetch: FetchNode, cursor: Cursor) {
  let paths: (string | number)[][] | undefined;
  return (errorPath: readonly (string | number)[] | undefined): (string | number)[] | undefined => {
    if (fetch.requires && typeof errorPath?.[1] === 'number') {
      paths ??= hydratedPaths(cursor.path, cursor.fullResult);
      return [...(paths[errorPath[1]] ?? []), ...errorPath.slice(2)];
    }
    return errorPath ? [...cursor.path, ...errorPath] : undefined;
  };
}

/** A subgraph's error as the gateway reports it: its message and code, the subgraph named. */
function downstreamError(original: GraphQLFormattedError, serviceName: string, pathOf: ReturnType<typeof errorPathMapper>): GraphQLError {
  const message = original.message || `Error while fetching subquery from service "${serviceName}"`;
  const options = {
    originalError: original as unknown as Error,
    path: pathOf(original.path),
    extensions: { ...original.extensions, serviceName },
  };
  const codeDef = errorCodeDef(original as unknown as GraphQLError);
  if (!codeDef && original.extensions?.code) return new GraphQLError(message, options);
  return (codeDef ?? ERRORS.DOWNSTREAM_SERVICE_ERROR).err(message, options);
}
