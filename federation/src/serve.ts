import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { composeFederationSupergraph, FEDERATION_SUBGRAPHS } from './compose.js';
import type { SubgraphDefinition } from './subgraph-definition.js';

export interface RunningFederation {
  /** GraphQL endpoint of each subgraph by name, e.g. `{ accounts: 'http://127.0.0.1:4101/' }`. */
  readonly urls: Readonly<Record<string, string>>;
  /** The same as a gateway's SUBGRAPH_URLS value (`accounts=http://…,products=…`). */
  readonly subgraphUrls: string;
  /** The composed supergraph, routing to `urls`. */
  readonly supergraphSdl: string;
  stop(): Promise<void>;
}

/** Serves one fixture subgraph over HTTP (Apollo Server, standalone). */
export async function serveSubgraph(definition: SubgraphDefinition, port: number, host: string) {
  const server = new ApolloServer({
    schema: buildSubgraphSchema({ typeDefs: definition.typeDefs, resolvers: definition.resolvers }),
    introspection: true,
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const { url } = await startStandaloneServer(server, { listen: { port, host } });
  return { url, stop: () => server.stop() };
}

/**
 * Serves accounts, products, inventory and reviews over HTTP on `basePort`…`basePort + 3`, or on
 * ephemeral ports when `basePort` is 0.
 */
export async function startFederationSubgraphs(basePort = 0, host = '127.0.0.1'): Promise<RunningFederation> {
  const running: Awaited<ReturnType<typeof serveSubgraph>>[] = [];
  try {
    for (const [offset, definition] of FEDERATION_SUBGRAPHS.entries()) {
      running.push(await serveSubgraph(definition, basePort === 0 ? 0 : basePort + offset, host));
    }
  } catch (error) {
    await Promise.all(running.map((server) => server.stop()));
    throw error;
  }
  const urls = Object.fromEntries(FEDERATION_SUBGRAPHS.map(({ name }, index) => [name, running[index].url]));
  return {
    urls,
    subgraphUrls: Object.entries(urls).map(([name, url]) => `${name}=${url}`).join(','),
    supergraphSdl: composeFederationSupergraph(urls),
    stop: async () => {
      await Promise.all(running.map((server) => server.stop()));
    },
  };
}
