import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { gql } from 'graphql-tag';
import { buildSchema, createResolversMap, type NonEmptyArray, type PubSub } from 'type-graphql';

/** Federation directives every DotMac subgraph may use. */
const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@interfaceObject", "@override", "@tag"])`;

/** `__resolveReference` for each entity type this subgraph resolves, keyed by type name. */
export type ReferenceResolvers = Record<string, (reference: Record<string, unknown>, context: never, info: never) => unknown>;

export interface SubgraphSchemaOptions {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  /** Types reachable only through federation (entity stubs, interface implementations). */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  references?: ReferenceResolvers;
  pubSub?: PubSub;
}

export interface SubgraphSchema {
  schema: GraphQLSchema;
  /** The subgraph SDL with federation directives, as composition sees it. */
  sdl: string;
}

/**
 * The one way a DotMac subgraph schema is built: type-graphql resolvers produce the types, the
 * printed SDL (with `@key` and friends attached through `@Directive`) is handed to
 * @apollo/subgraph together with type-graphql's resolvers and the entity reference resolvers.
 */
export async function buildFederatedSchema(options: SubgraphSchemaOptions): Promise<SubgraphSchema> {
  const typeGraphqlSchema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    pubSub: options.pubSub,
    skipCheck: true,
    scalarsMap: [{ type: Date, scalar: GraphQLDateTime }],
    validate: false,
    emitSchemaFile: false,
  });
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(typeGraphqlSchema)}`;
  const resolvers = createResolversMap(typeGraphqlSchema) as Record<string, object>;
  for (const [typeName, resolveReference] of Object.entries(options.references ?? {})) {
    resolvers[typeName] = { ...resolvers[typeName], __resolveReference: resolveReference };
  }
  const schema = buildSubgraphSchema({ typeDefs: gql(sdl), resolvers: resolvers as never });
  return { schema, sdl };
}
