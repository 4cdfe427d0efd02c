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
import { consumeAuditRecords } from './audit/audit.consumer.js';
import { AuthService } from './auth/auth.service.js';
import { LoginLimiter } from './auth/login-limiter.js';
import { mountResolveRoute } from './auth/resolve.route.js';
import type { TenantsConfig } from './config.js';
import type { TenantsContext } from './context.js';
import { databaseModel } from './entities.js';
import { createTenantsLoaders } from './loaders.js';
import { buildSchema } from './schema.js';
import { ensureBootstrapAdmin } from './user/bootstrap-admin.js';

/** Starts the tenants subgraph: migrations (if an owner URL is given), database, bus, relay, server. */
export async function startTenantsSubgraph(config: TenantsConfig): Promise<RunningServer> {
  const logger = createLogger('tenants', config.LOG_LEVEL);
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
  const audit = await consumeAuditRecords(bus, db);
  const limiter = new LoginLimiter(
    {
      maxFailuresPerAccount: config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      maxFailuresPerAddress: config.LOGIN_MAX_FAILURES_PER_ADDRESS,
      windowSeconds: config.LOGIN_FAILURE_WINDOW_SECONDS,
    },
    config.REDIS_URL,
    config.REDIS_KEY_PREFIX,
  );
  const auth = new AuthService(db, limiter, {
    jwtSecret: config.JWT_SECRET,
    accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: config.REFRESH_TOKEN_TTL_DAYS,
  });
  if (config.BOOTSTRAP_ADMIN_EMAIL && config.BOOTSTRAP_ADMIN_PASSWORD) {
    await ensureBootstrapAdmin(db, config.BOOTSTRAP_ADMIN_EMAIL, config.BOOTSTRAP_ADMIN_PASSWORD, logger);
  }
  const { schema } = await buildSchema();
  const server = await startSubgraphServer<TenantsContext>({
    name: 'tenants',
    schema,
    host: config.HOST,
    port: config.PORT,
    signingKey: config.INTERNAL_SIGNING_KEY,
    logger,
    createContext: (internal) => ({
      requestId: internal.requestId || newRequestId(),
      viewer: internal.viewer,
      db,
      loaders: createTenantsLoaders(db, internal.viewer),
      services: { auth },
    }),
    checkHealth: async () => (await orm.isConnected()) && true,
    metrics: () => `# TYPE dotmac_sql_statements_total counter\ndotmac_sql_statements_total{service="tenants"} ${statements.total}\n`,
    routes: (app) => mountResolveRoute(app, auth, config.INTERNAL_SIGNING_KEY, logger),
  });
  return {
    ...server,
    stop: async () => {
      await server.stop();
      await audit.close();
      await relay.stop();
      await bus.close();
      await limiter.close();
      await db.close();
    },
  };
}
