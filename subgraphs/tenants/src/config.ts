import { env, readConfig, subgraphConfigShape } from '@dotmac/kernel';

/** The tenants subgraph's configuration, read once at start-up. */
export const readTenantsConfig = (source: Record<string, string | undefined> = process.env) =>
  readConfig(
    {
      ...subgraphConfigShape(4001),
      JWT_SECRET: env.secret(),
      ACCESS_TOKEN_TTL_SECONDS: env.int(900),
      REFRESH_TOKEN_TTL_DAYS: env.int(30),
      LOGIN_MAX_FAILURES_PER_ACCOUNT: env.int(5),
      LOGIN_MAX_FAILURES_PER_ADDRESS: env.int(20),
      LOGIN_FAILURE_WINDOW_SECONDS: env.int(900),
      BOOTSTRAP_ADMIN_EMAIL: env.string(''),
      BOOTSTRAP_ADMIN_PASSWORD: env.string(''),
    },
    source,
  );

export type TenantsConfig = ReturnType<typeof readTenantsConfig>;
