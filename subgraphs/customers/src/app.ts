import {
  createEventBus,
  createLogger,
  Database,
  migrate,
  newRequestId,
  openOrm,
  OutboxRelay,
  StatementCounter,
  startSubgraphServer,
  type RunningServer,
} from '@dotmac/kernel';
import type { CustomersConfig } from './config.js';
import type { CustomersContext } from './context.js';
import { databaseModel } from './entities.js';
import { createCustomersLoaders } from './loaders.js';
import { buildSchema } from './schema.js';

/** Starts the customers subgraph: migrations (if an owner URL is given), database, bus, relay, server. */
export async function startCustomersSubgraph(config: CustomersConfig): Promise<RunningServer> {
  const logger = createLogger('customers', config.LOG_LEVEL);
  if (config.MIGRATION_DATABASE_URL) {
    const applied = await migrate(config.MIGRATION_DATABASE_URL, databaseModel);
    if (applied.length) logger.info({ applied }, 'migrations applied');
  }
  const orm = await openOrm({ url: config.DATABASE_URL, ...databaseModel, logger });
  const statements = new StatementCounter().attach(orm);
  const db = new Database(orm);
  const bus = createEventBus(
    { redisUrl: config.REDIS_URL, redisKeyPrefix: config.REDIS_KEY_PREFIX, eventsDatabaseUrl: config.EVENTS_DATABASE_URL },
    logger,
  );
  const relay = new OutboxRelay(db, bus, logger);
  relay.start();
  const { schema } = await buildSchema();
  const server = await startSubgraphServer<CustomersContext>({
    name: 'customers',
    schema,
    host: config.HOST,
    port: config.PORT,
    signingKey: config.INTERNAL_SIGNING_KEY,
    logger,
    createContext: (internal) => ({
      requestId: internal.requestId || newRequestId(),
      viewer: internal.viewer,
      db,
      loaders: createCustomersLoaders(db, internal.viewer),
    }),
    checkHealth: () => orm.isConnected(),
    metrics: () => `# TYPE dotmac_sql_statements_total counter\ndotmac_sql_statements_total{service="customers"} ${statements.total}\n`,
  });
  return {
    ...server,
    stop: async () => {
      await server.stop();
      await relay.stop();
      await bus.close();
      await db.close();
    },
  };
}
