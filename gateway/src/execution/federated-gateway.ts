import { Supergraph, type Schema } from '@apollo/federation-internals';
import type { GraphQLDataSource } from '@apollo/gateway';
import { QueryPlanner } from '@apollo/query-planner';
import type { QueryPlan } from '@apollo/query-planner';
import { getVariableValues, GraphQLError, type GraphQLSchema } from 'graphql';
import type {
  GatewayExecutionResult,
  GatewayExecutor,
  GatewayInterface,
  GatewayLoadResult,
  GatewayRequestContext,
  SchemaLoadOrUpdateCallback,
} from './gateway-interface.js';
import { runPlan } from './plan-runner.js';
import { PreparedOperationCache, prepareOperation, type PreparationSchemas, type PreparedOperation } from './prepared-operation.js';
import { shapeResponse } from './response-shaper.js';

export interface FederatedGatewayOptions {
  supergraphSdl: string;
  /** The data source that calls one subgraph. */
  buildService(subgraph: { name: string; url: string }): GraphQLDataSource;
  /** Prepared operations (plan and compiled response shape) kept at most. */
  planCacheEntries: number;
}

interface LoadedSupergraph extends PreparationSchemas {
  readonly supergraphSchema: GraphQLSchema;
  readonly serviceMap: Record<string, GraphQLDataSource>;
}

/**
 * The gateway Apollo Server executes through: plans with Apollo's query planner on a static
 * supergraph, and runs plans with DotMac's executor. Each operation of a document is read,
 * planned and compiled into a response shape once (a bounded cache per loaded schema, keyed by
 * the document's hash and operation name); per request only variables are checked, fetches sent
 * and the answer shaped. Plans that need introspection, @defer, rewrites or subscriptions run on
 * @apollo/gateway's own `executeQueryPlan`.
 */
export class FederatedGateway implements GatewayInterface {
  private readonly listeners = new Set<SchemaLoadOrUpdateCallback>();

  constructor(private readonly options: FederatedGatewayOptions) {}

  onSchemaLoadOrUpdate(callback: SchemaLoadOrUpdateCallback): () => void {
    this.listeners.add(callback);
    return () => this.listeners.delete(callback);
  }

  async load(): Promise<GatewayLoadResult> {
    const supergraph = Supergraph.build(this.options.supergraphSdl);
    const apiSchema: Schema = supergraph.apiSchema();
    const loaded: LoadedSupergraph = {
      apiSchema,
      graphqlApiSchema: apiSchema.toGraphQLJSSchema(),
      planner: new QueryPlanner(supergraph),
      supergraphSchema: supergraph.schema.toGraphQLJSSchema(),
      serviceMap: Object.fromEntries(supergraph.subgraphsMetadata().map(({ name, url }) => [name, this.options.buildService({ name, url })])),
    };
    for (const listener of this.listeners) listener({ apiSchema: loaded.graphqlApiSchema, coreSupergraphSdl: this.options.supergraphSdl });
    return { executor: this.executorFor(loaded) };
  }

  async stop(): Promise<void> {
    this.listeners.clear();
  }

  private executorFor(loaded: LoadedSupergraph): GatewayExecutor {
    const cache = new PreparedOperationCache(this.options.planCacheEntries);
    const preparedFor = (requestContext: GatewayRequestContext): PreparedOperation => {
      const { request, document, queryHash } = requestContext;
      const key = request.operationName ? `${queryHash}\n${request.operationName}` : queryHash;
      let prepared = cache.get(key);
      if (!prepared) {
        prepared = prepareOperation(loaded, document, request.operationName);
        cache.set(key, prepared);
      }
      return prepared;
    };

    return async (requestContext): Promise<GatewayExecutionResult> => {
      const prepared = preparedFor(requestContext);
      const { request } = requestContext;
      if (prepared.variableDefinitionNodes.length > 0) {
        const { errors } = getVariableValues(loaded.graphqlApiSchema, prepared.variableDefinitionNodes, request.variables ?? {});
        if (errors) return { errors };
      }
      const { fastPath } = prepared;
      if (!fastPath) {
        // Loaded on first use: @apollo/gateway brings telemetry and fetch machinery the fast path never needs.
        const { executeQueryPlan } = await import('@apollo/gateway');
        return executeQueryPlan(
          prepared.plan,
          loaded.serviceMap,
          requestContext as never,
          prepared.operationContext,
          loaded.supergraphSchema,
          loaded.apiSchema,
        ) as Promise<GatewayExecutionResult>;
      }
      const errors: GraphQLError[] = [];
      const root = Object.create(null) as Record<string, unknown>;
      if (prepared.plan.node) {
        await runPlan(
          { serviceMap: loaded.serviceMap, requestContext, supergraphSchema: loaded.supergraphSchema, variableDefinitions: fastPath.variableDefinitions, errors },
          prepared.plan.node as Exclude<QueryPlan['node'], undefined | { kind: 'Subscription' }>,
          root,
        );
      }
      try {
        const variables = { ...fastPath.defaults, ...request.variables };
        const shaped = shapeResponse(loaded.graphqlApiSchema, fastPath.rootType, fastPath.steps, root, variables);
        if (errors.length === 0 && shaped.errors.length > 0) return { extensions: { valueCompletion: shaped.errors }, data: shaped.data };
        return errors.length === 0 ? { data: shaped.data } : { errors, data: shaped.data };
      } catch (error) {
        if (error instanceof GraphQLError) return { errors: [error] };
        const message = error instanceof Error ? error.message : 'Unexpected error during query plan execution';
        return { errors: [new GraphQLError(message, { originalError: error instanceof Error ? error : undefined })] };
      }
    };
  }
}
