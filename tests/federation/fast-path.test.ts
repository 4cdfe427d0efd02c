import { Supergraph } from '@apollo/federation-internals';
import { QueryPlanner } from '@apollo/query-planner';
import { composeFederationSupergraph, FEDERATION_CORPUS } from '@dotmac/federation';
import { prepareOperation } from '@dotmac/gateway/execution/prepared-operation';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';

/**
 * The differential test proves DotMac's answers equal stock's; this one proves they come from
 * DotMac's executor: every corpus operation but introspection is prepared for the fast path.
 */
const supergraph = Supergraph.build(composeFederationSupergraph());
const apiSchema = supergraph.apiSchema();
const schemas = { apiSchema, graphqlApiSchema: apiSchema.toGraphQLJSSchema(), planner: new QueryPlanner(supergraph) };
const INTROSPECTION = new Set(['introspection beside data', 'type introspection']);

describe("DotMac's executor", () => {
  it.each(FEDERATION_CORPUS.map((operation) => [operation.name, operation] as const))('prepares %s', (name, operation) => {
    const prepared = prepareOperation(schemas, parse(operation.query), operation.operationName);
    expect(prepared.plan.kind).toBe('QueryPlan');
    expect(prepared.fastPath !== undefined).toBe(!INTROSPECTION.has(name));
  });
});
