import type { Express } from 'express';
import type { InternalContext } from '../auth/internal-context.js';
import { env } from '../config/env.js';
import { migrate, openOrm, type DatabaseOptions } from '../db/database.js';
import { StatementCounter } from '../db/statement-counter.js';
import { Database } from '../db/tenant-scope.js';
import { createEventBus } from '../events/create-event-bus.js';
import type { EventBus } from '../events/event-bus.js';
import { OutboxRelay } from '../events/outbox-relay.js';
import type { SubgraphSchema } from '../federation/build-subgraph-schema.js';
import { createLogger, type Logger } from '../logging/logger.js';
import type { SubgraphContext } from './context.js';
import { newRequestId, startSubgraphServer, type RunningServer } from './subgraph-server.js';

/** The environment every subgraph reads; a subgraph adds its own fields to this shape. */
export const subgraphConfigShape = (defaultPort: number) => ({
  HOST: env.string('127.0.0.1'),
  PORT: env.int(defaultPort),
  DATABASE_URL: env.url(),
  MIGRATION_DATABASE_URL: env.optionalUrl(),
  REDIS_URL: env.optionalUrl(),
  REDIS_KEY_PREFIX: env.string('dotmac'),
  EVENTS_DATABASE_URL: env.optionalUrl(),
  INTERNAL_SIGNING_KEY: env.secret(),
  LOG_LEVEL: env.oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
});

export interface SubgraphBaseConfig {
  readonly HOST: string;
  readonly PORT: number;
  readonly DATABASE_URL: string;
  readonly MIGRATION_DATABASE_URL: string | undefined;
  readonly REDIS_URL: string | undefined;
  readonly REDIS_KEY_PREFIX: string;
  readonly EVENTS_DATABASE_URL: string | undefined;
  readonly INTERNAL_SIGNING_KEY: string;
  readonly LOG_LEVEL: string;
}

/** What a subgraph has to work with once its database and bus are up. */
export interface SubgraphRuntime {
  db: Database;
  bus: EventBus;
  logger: Logger;
}

/** A subgraph's own wiring: its per-request context, extra routes, and what to stop. */
export interface SubgraphWiring<C> {
  createContext: (base: SubgraphContext<undefined>, internal: InternalContext) => C;
  routes?: (app: Express) => void;
  stop?: () => Promise<void>;
}

export interface StartSubgraphOptions<C> {
  name: string;
  config: SubgraphBaseConfig;
  model: Pick<DatabaseOptions, 'entities' | 'migrations'>;
  buildSchema: () => Promise<SubgraphSchema>;
  wire: (runtime: SubgraphRuntime) => Promise<SubgraphWiring<C>>;
  /** Largest accepted `/graphql` body in bytes; the server's default when absent. */
  maxBodyBytes?: number;
}

/**
 * Starts one subgraph the way every subgraph starts: migrations (when an owner URL is given), the
 * ORM on the application role, the event bus and outbox relay, the subgraph's own wiring, then the
 * HTTP server with `/graphql`, `/health` and `/metrics`. `stop()` undoes it in reverse.
 */
export async function startSubgraph<C extends object>(options: StartSubgraphOptions<C>): Promise<RunningServer> {
  const { config, name } = options;
  const logger = createLogger(name, config.LOG_LEVEL);
  if (config.MIGRATION_DATABASE_URL) {
    const applied = await migrate(config.MIGRATION_DATABASE_URL, options.model);
    if (applied.length) logger.info({ applied }, 'migrations applied');
  }
  const orm = await openOrm({ url: config.DATABASE_URL, ...options.model, logger });
  const statements = new StatementCounter().attach(orm);
  const db = new Database(orm);
  const bus = createEventBus(
    { redisUrl: config.REDIS_URL, redisKeyPrefix: config.REDIS_KEY_PREFIX, eventsDatabaseUrl: config.EVENTS_DATABASE_URL },
    logger,
  );
  const relay = new OutboxRelay(db, bus, logger);
  relay.start();
  const wiring = await options.wire({ db, bus, logger });
  const { schema } = await options.buildSchema();
  const server = await startSubgraphServer<C>({
    name,
    schema,
    host: config.HOST,
    port: config.PORT,
    signingKey: config.INTERNAL_SIGNING_KEY,
    logger,
    createContext: (internal) =>
      wiring.createContext({ requestId: internal.requestId || newRequestId(), viewer: internal.viewer, db, loaders: undefined }, internal),
    checkHealth: () => orm.isConnected(),
    metrics: () => `# TYPE dotmac_sql_statements_total counter\ndotmac_sql_statements_total{service="${name}"} ${statements.total}\n`,
    routes: wiring.routes,
    maxBodyBytes: options.maxBodyBytes,
  });
  return {
    ...server,
    stop: async () => {
      await server.stop();
      await wiring.stop?.();
      await relay.stop();
      await bus.close();
      await db.close();
    },
  };
}
