import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import type { DocumentNode } from 'graphql';

/** One subgraph of the fixture set: its SDL and plain resolvers, built with `buildSubgraphSchema`. */
export interface SubgraphDefinition {
  readonly name: string;
  readonly typeDefs: DocumentNode;
  readonly resolvers: GraphQLResolverMap<unknown>;
}
