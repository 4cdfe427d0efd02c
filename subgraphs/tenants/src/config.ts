import { env, readConfig } from '@dotmac/kernel';

/** The tenants subgraph's configuration, read once at start-up. */
export const readTenantsConfig = (source: Record<string, string | undefined> = process.env) =>
  readConfig(
    {
      HOST: env.string('127.0.0.1'),
      PORT: env.int(4001),
      DATABASE_URL: env.url(),
      MIGRATION_DATABASE_URL: env.optionalUrl(),
      REDIS_URL: env.optionalUrl(),
      REDIS_KEY_PREFIX: env.string('dotmac'),
      EVENTS_DATABASE_URL: env.optionalUrl(),
      INTERNAL_SIGNING_KEY: env.secret(),
      JWT_SECRET: env.secret(),
      ACCESS_TOKEN_TTL_SECONDS: env.int(900),
      REFRESH_TOKEN_TTL_DAYS: env.int(30),
      LOGIN_MAX_FAILURES_PER_ACCOUNT: env.int(5),
      LOGIN_MAX_FAILURES_PER_ADDRESS: env.int(20),
      LOGIN_FAILURE_WINDOW_SECONDS: env.int(900),
      BOOTSTRAP_ADMIN_EMAIL: env.string(''),
      BOOTSTRAP_ADMIN_PASSWORD: env.string(''),
      LOG_LEVEL: env.oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const, 'info'),
    },
    source,
  );

export type TenantsConfig = ReturnType<typeof readTenantsConfig>;
