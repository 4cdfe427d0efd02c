import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ANONYMOUS, createLogger, type Logger } from '@dotmac/kernel/edge';
import compression from 'compression';
import cors from 'cors';
import express from 'express';
import type { GatewayContext } from './auth/gateway-context.js';
import { viewerForRequest } from './auth/request-viewer.js';
import { tenantsAuthClient } from './auth/tenants-auth.client.js';
import { ViewerCache } from './auth/viewer-cache.js';
import type { GatewayConfig } from './config.js';
import { createGatewayErrorFormatter } from './errors/format-gateway-error.js';
import { graphqlPostLane } from './http/graphql-post-lane.js';
import { healthRoute } from './health/health.route.js';
import { unexpectedErrorHandler } from './http/unexpected-error.handler.js';
import { REQUEST_ID_HEADER, requestIdMiddleware, requestIdOf } from './http/request-id.middleware.js';
import { costLimitPlugin } from './limits/cost-limit.plugin.js';
import { mountRestForwarding } from './rest/rest-forward.js';
import { bodyErrorHandler, operationSizeGuard } from './limits/request-size.middleware.js';
import { aliasLimitRule, depthLimitRule } from './limits/shape-limit.rules.js';
import { FederatedGateway } from './execution/federated-gateway.js';
import { SubgraphDataSource } from './subgraph/subgraph-data-source.js';
import { subgraphTransport } from './subgraph/subgraph-transport.js';
import { readSupergraphSdl, resolveSubgraphEndpoints, type SubgraphEndpoints } from './subgraph/subgraph-endpoints.js';

export interface StartGatewayOptions {
  /** Supergraph SDL to serve instead of reading `config.supergraphPath` (tests compose in memory). */
  supergraphSdl?: string;
  logger?: Logger;
}

export interface RunningGateway {
  /** The GraphQL endpoint, e.g. `http://127.0.0.1:4000/graphql`. */
  url: string;
  port: number;
  /** Endpoints of the subgraphs in use, by lowercased name. */
  subgraphs: SubgraphEndpoints;
  stop(): Promise<void>;
}

const TOKEN_RESOLUTION_PATH = '/internal/auth/resolve';

function tokenResolutionUrl(config: GatewayConfig, subgraphs: SubgraphEndpoints): string {
  if (config.tenantsInternalUrl) return config.tenantsInternalUrl;
  const tenants = subgraphs.get('tenants');
  if (!tenants) throw new Error('The supergraph has no tenants subgraph: set TENANTS_INTERNAL_URL');
  return new URL(TOKEN_RESOLUTION_PATH, tenants).toString();
}

/** Compresses answers for clients that accept it, from `minBytes` on; 0 switches it off. */
function responseCompression(minBytes: number): express.RequestHandler {
  return minBytes > 0 ? compression({ threshold: minBytes }) : (_req, _res, next) => next();
}

async function listen(server: Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

/**
 * Starts the DotMac gateway: Apollo Server over @apollo/gateway serving a static supergraph, with
 * token resolution, operation limits and `/health`. Resolves once it accepts requests.
 */
export async function startGateway(config: GatewayConfig, options: StartGatewayOptions = {}): Promise<RunningGateway> {
  const logger = options.logger ?? createLogger('gateway', config.logLevel);
  const supergraphSdl = options.supergraphSdl ?? (await readSupergraphSdl(config.supergraphPath));
  const subgraphs = resolveSubgraphEndpoints(supergraphSdl, config.subgraphUrls);
  // Without DotMac auth (any-supergraph mode) every request is anonymous and no token is looked up.
  const viewers = config.signingKey
    ? new ViewerCache(
        tenantsAuthClient({ url: tokenResolutionUrl(config, subgraphs), signingKey: config.signingKey, timeoutMs: config.subgraphTimeoutMs }),
        config.authCacheTtlMs,
      )
    : undefined;

  const transport = subgraphTransport({ timeoutMs: config.subgraphTimeoutMs, maxSockets: config.subgraphMaxSockets, compression: config.subgraphCompression });
  const gateway = new FederatedGateway({
    supergraphSdl,
    planCacheEntries: config.planCacheEntries,
    buildService: ({ name, url }) =>
      new SubgraphDataSource({
        name,
        url: subgraphs.get(name.toLowerCase()) ?? url ?? '',
        signingKey: config.signingKey,
        transport,
        shareInFlight: config.subgraphShareInFlight,
      }),
  });
  const { limits } = config;
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    logger,
    formatError: createGatewayErrorFormatter(logger),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: [depthLimitRule(limits.maxDepth), aliasLimitRule(limits.maxAliases)],
    // No HTTP cache hints are used: skip computing them on every request.
    plugins: [costLimitPlugin(limits.maxCost), ApolloServerPluginCacheControlDisabled()],
  });
  await apollo.start();

  const contextFor = async (request: { requestId: string; clientIp: string | undefined; authorization?: string; apiKey?: string }): Promise<GatewayContext> => {
    const { requestId, clientIp, authorization, apiKey } = request;
    const viewer = viewers ? await viewerForRequest(viewers, { authorization, apiKey }, clientIp, requestId) : { ...ANONYMOUS, clientIp };
    return { requestId, viewer };
  };
  const postLane = graphqlPostLane({
    apollo,
    maxBodyBytes: limits.maxBodyBytes,
    maxQueryBytes: limits.maxQueryBytes,
    compressionMinBytes: config.responseCompressionMinBytes,
    trustProxy: config.trustProxy,
    logger,
    contextFor,
  });

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(requestIdMiddleware);
  app.get('/health', healthRoute(subgraphs));
  mountRestForwarding(app, { viewers, subgraphs, transport, config, logger });
  app.use(
    '/graphql',
    cors({ exposedHeaders: [REQUEST_ID_HEADER] }),
    responseCompression(config.responseCompressionMinBytes),
    express.json({ limit: limits.maxBodyBytes }),
    bodyErrorHandler(limits.maxBodyBytes),
    operationSizeGuard(limits.maxQueryBytes),
    expressMiddleware(apollo, {
      context: ({ req, res }) =>
        contextFor({ requestId: requestIdOf(res.locals), clientIp: req.ip, authorization: req.header('authorization'), apiKey: req.header('x-api-key') }),
    }),
  );
  app.use(unexpectedErrorHandler(logger));

  // JSON POSTs to /graphql (nearly all traffic) skip express; everything else is served by it.
  const server = createServer((req, res) => (postLane.accepts(req) ? void postLane.handle(req, res) : app(req, res)));
  server.keepAliveTimeout = 65_000;
  let port: number;
  try {
    port = await listen(server, config.port, config.host);
  } catch (error) {
    await apollo.stop();
    throw error;
  }
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}/graphql`;
  logger.info({ url, subgraphs: Object.fromEntries(subgraphs) }, 'gateway listening');

  return {
    url,
    port,
    subgraphs,
    stop: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await apollo.stop();
      server.closeAllConnections();
      await closed;
      transport.close();
      viewers?.clear();
    },
  };
}
