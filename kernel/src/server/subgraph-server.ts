import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import compression from 'compression';
import express, { type Express } from 'express';
import type { GraphQLSchema } from 'graphql';
import { INTERNAL_CONTEXT_HEADER, verifyInternalContext, type InternalContext } from '../auth/internal-context.js';
import { createErrorFormatter } from '../errors/format-error.js';
import { ErrorCode } from '../errors/error-code.js';
import type { Logger } from '../logging/logger.js';

export interface SubgraphServerOptions<C> {
  name: string;
  schema: GraphQLSchema;
  host: string;
  port: number;
  /** Key shared with the gateway for the signed internal context. */
  signingKey: string;
  logger: Logger;
  /** Builds the per-request context from the verified internal context. */
  createContext: (internal: InternalContext) => C | Promise<C>;
  /** Answers whether dependencies (database, …) are reachable; `/health` reports it. */
  checkHealth: () => Promise<boolean>;
  /** Text for `/metrics` (Prometheus exposition format). */
  metrics?: () => string;
  /** Extra routes (e.g. internal REST endpoints), mounted before `/graphql`. */
  routes?: (app: Express) => void;
  /** Largest accepted `/graphql` body in bytes (default 1 MiB); bulk operations may need more. */
  maxBodyBytes?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

function unauthenticated(message: string) {
  return { errors: [{ message, extensions: { code: ErrorCode.UNAUTHENTICATED } }] };
}

/**
 * Serves one subgraph: `/graphql` accepts only requests carrying a valid signed internal context
 * (everything else gets 401 UNAUTHENTICATED before any resolver runs), `/health` and `/metrics`.
 */
export async function startSubgraphServer<C extends object>(options: SubgraphServerOptions<C>): Promise<RunningServer> {
  const apollo = new ApolloServer<C>({
    schema: options.schema,
    formatError: createErrorFormatter(options.logger),
    includeStacktraceInErrorResponses: false,
    csrfPrevention: false,
    // Neither HTTP cache hints nor federated traces are used: skip them on every request.
    plugins: [ApolloServerPluginCacheControlDisabled(), ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/health', async (_req, res) => {
    const ok = await options.checkHealth().catch(() => false);
    res.status(ok ? 200 : 503).json({ service: options.name, status: ok ? 'ok' : 'unavailable' });
  });
  app.get('/metrics', (_req, res) => {
    res.type('text/plain').send(options.metrics?.() ?? '');
  });
  options.routes?.(app);
  app.use(
    '/graphql',
    // Answers of 1 KB and more are compressed when the caller asks (the gateway does with SUBGRAPH_COMPRESSION).
    compression({ threshold: 1024 }),
    express.json({ limit: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES }),
    (req, res, next) => {
      const internal = verifyInternalContext(req.header(INTERNAL_CONTEXT_HEADER), options.signingKey);
      if (!internal) {
        res.status(401).json(unauthenticated('Requests must come through the DotMac gateway'));
        return;
      }
      res.locals.internal = internal;
      next();
    },
    expressMiddleware(apollo, {
      context: async ({ res }) => options.createContext(res.locals.internal as InternalContext),
    }),
  );

  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(options.port, options.host, () => resolve(listening));
  });
  server.keepAliveTimeout = 65_000;
  const port = (server.address() as AddressInfo).port;
  options.logger.info({ port }, `${options.name} subgraph listening`);
  return {
    url: `http://${options.host}:${port}/graphql`,
    port,
    stop: async () => {
      await apollo.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

export const newRequestId = (): string => randomUUID();
