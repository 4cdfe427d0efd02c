import { startSubgraph, type RunningServer } from '@dotmac/kernel';
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

/** Starts the tenants subgraph: identity, the audit log consumer and the token resolution endpoint. */
export function startTenantsSubgraph(config: TenantsConfig): Promise<RunningServer> {
  return startSubgraph<TenantsContext>({
    name: 'tenants',
    config,
    model: databaseModel,
    buildSchema,
    wire: async ({ db, bus, logger }) => {
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
      return {
        createContext: (base) => ({ ...base, loaders: createTenantsLoaders(db, base.viewer), services: { auth } }),
        routes: (app) => mountResolveRoute(app, auth, config.INTERNAL_SIGNING_KEY, logger),
        stop: async () => {
          await audit.close();
          await limiter.close();
        },
      };
    },
  });
}
