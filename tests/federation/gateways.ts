import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import type { CorpusOperation } from '@dotmac/federation';
// The built gateway, loaded by Node with the one `graphql` instance @apollo/gateway uses.
import { readGatewayConfig, startGateway, type RunningGateway } from '@dotmac/gateway';
import { pino } from 'pino';

export const SIGNING_KEY = 'federation-test-signing-key-0123456789';

export interface StartedGateway {
  readonly url: string;
  stop(): Promise<void>;
}

/** Stock @apollo/gateway behind a stock Apollo Server, routing to the subgraphs of `supergraphSdl`. */
export async function startStockGateway(supergraphSdl: string, urls: Readonly<Record<string, string>>): Promise<StartedGateway> {
  const gateway = new ApolloGateway({
    supergraphSdl,
    logger: pino({ level: 'silent' }),
    buildService: ({ name, url }) => new RemoteGraphQLDataSource({ url: urls[name] ?? url }),
  });
  const server = new ApolloServer({ gateway, stopOnTerminationSignals: false, logger: pino({ level: 'silent' }) });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { url, stop: () => server.stop() };
}

/** DotMac's gateway on an ephemeral port with its default limits (the whole corpus fits them) unless `env` sets others. */
export async function startDotmacGateway(supergraphSdl: string, subgraphUrls: string, env: Record<string, string> = {}): Promise<RunningGateway> {
  const config = readGatewayConfig({
    INTERNAL_SIGNING_KEY: SIGNING_KEY,
    PORT: '0',
    SUBGRAPH_URLS: subgraphUrls,
    // Anonymous requests only: no token is ever resolved.
    TENANTS_INTERNAL_URL: 'http://127.0.0.1:9/internal/auth/resolve',
    LOG_LEVEL: 'silent',
    ...env,
  });
  return startGateway(config, { supergraphSdl, logger: pino({ level: 'silent' }) });
}

export interface GraphQLAnswer {
  status: number;
  body: { data?: unknown; errors?: Array<{ message: string; path?: ReadonlyArray<string | number>; extensions?: Record<string, unknown> }> };
  ms: number;
}

export async function execute(url: string, operation: Pick<CorpusOperation, 'query' | 'variables' | 'operationName'>): Promise<GraphQLAnswer> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: operation.query, variables: operation.variables, operationName: operation.operationName }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLAnswer['body'], ms: performance.now() - started };
}
