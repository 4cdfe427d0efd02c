import { env, readConfig } from '@dotmac/kernel';

/** The customers subgraph's configuration, read once at start-up. */
export const readCustomersConfig = (source: Record<string, string | undefined> = process.env) =>
  readConfig(
    {
      HOST: env.string('127.0.0.1'),
      PORT: env.int(4002),
      DATABASE_URL: env.url(),
      MIGRATION_DATABASE_URL: env.optionalUrl(),
      REDIS_URL: env.optionalUrl(),
      REDIS_KEY_PREFIX: env.string('dotmac'),
      EVENTS_DATABASE_URL: env.optionalUrl(),
      INTERNAL_SIGNING_KEY: env.secret(),
      LOG_LEVEL: env.oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const, 'info'),
    },
    source,
  );

export type CustomersConfig = ReturnType<typeof readCustomersConfig>;
