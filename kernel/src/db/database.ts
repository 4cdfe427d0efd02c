import { MikroORM, type Options } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../logging/logger.js';

export type { EntityManager };

/** A named migration class, listed explicitly so compiled ESM never depends on file globbing. */
export interface MigrationEntry {
  name: string;
  class: new (...args: never[]) => object;
}

export interface DatabaseOptions {
  /** Connection URL of the application role: not the table owner, subject to row-level security. */
  url: string;
  entities: Options['entities'];
  migrations: MigrationEntry[];
  poolMax?: number;
  logger?: Logger;
  /** Called with every SQL statement the ORM sends (used by tests that count statements). */
  onQuery?: (sql: string) => void;
}

export async function openOrm(options: DatabaseOptions): Promise<MikroORM> {
  return MikroORM.init({
    clientUrl: options.url,
    entities: options.entities,
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    allowGlobalContext: false,
    forceUtcTimezone: true,
    pool: { min: 0, max: options.poolMax ?? 10 },
    debug: options.onQuery ? ['query'] : false,
    logger: (message) => {
      if (options.onQuery) options.onQuery(message);
      else options.logger?.debug(message);
    },
    migrations: { migrationsList: options.migrations as never, transactional: true, allOrNothing: true, disableForeignKeys: false },
  });
}

/** Runs pending migrations over a connection of the owner role (the role that owns the tables). */
export async function migrate(ownerUrl: string, options: Omit<DatabaseOptions, 'url'>): Promise<string[]> {
  const orm = await openOrm({ ...options, url: ownerUrl, onQuery: undefined, poolMax: 1 });
  try {
    const applied = await orm.getMigrator().up();
    return applied.map((migration) => migration.name);
  } finally {
    await orm.close(true);
  }
}
