import { ConfigError, env, readConfig } from '@dotmac/kernel';
import { isMainModule } from './paths.js';
import { provisionAll } from './provisioning.js';

/**
 * `node scripts/dist/provision.js`: the one-shot job of docker-compose (and of any deployment
 * with a managed PostgreSQL). Creates the roles and databases, then exits; the services migrate.
 */
async function main(): Promise<void> {
  const config = readConfig({
    DATABASE_URL: env.url(),
    DB_PREFIX: env.string('dotmac'),
    DB_OWNER_PASSWORD: env.secret(),
    DB_APP_PASSWORD: env.secret(),
  });
  const databases = await provisionAll({
    adminUrl: config.DATABASE_URL,
    prefix: config.DB_PREFIX,
    ownerPassword: config.DB_OWNER_PASSWORD,
    appPassword: config.DB_APP_PASSWORD,
  });
  for (const [subgraph, { database }] of Object.entries(databases)) console.log(`provisioned ${database} (${subgraph})`);
}

if (isMainModule(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exitCode = 1;
  });
}
