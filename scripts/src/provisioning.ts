import { databaseUrl, dropDatabases, ensureEventsSchema, provisionDatabases } from '@dotmac/kernel';
import { SUBGRAPHS, databaseName } from './subgraphs.js';

export interface ProvisionAllOptions {
  /** Superuser URL of the PostgreSQL server. */
  adminUrl: string;
  /** Database and role prefix: databases `<prefix>_<subgraph>`, roles `<prefix>_owner` / `<prefix>_app`. */
  prefix: string;
  ownerPassword: string;
  appPassword: string;
  /** Drop the subgraphs' databases first (tests start from nothing). */
  reset?: boolean;
}

export interface SubgraphDatabase {
  database: string;
  /** Application role URL: what the service reads and writes with, under row-level security. */
  appUrl: string;
  /** Owner role URL: what migrations run with. */
  ownerUrl: string;
}

export const ownerRole = (prefix: string): string => `${prefix}_owner`;
export const appRole = (prefix: string): string => `${prefix}_app`;

/** Key of the events database in the map `provisionAll` returns (not a subgraph: the bus without Redis). */
export const EVENTS_DATABASE = 'events';

function databaseEntry(options: Omit<ProvisionAllOptions, 'reset'>, database: string): SubgraphDatabase {
  return {
    database,
    appUrl: databaseUrl(options.adminUrl, database, appRole(options.prefix), options.appPassword),
    ownerUrl: databaseUrl(options.adminUrl, database, ownerRole(options.prefix), options.ownerPassword),
  };
}

/**
 * Connection URLs of every subgraph's database, keyed by subgraph name, plus the events database
 * under `EVENTS_DATABASE` (no server access).
 */
export function subgraphDatabases(options: Omit<ProvisionAllOptions, 'reset'>): Record<string, SubgraphDatabase> {
  const databases: Record<string, SubgraphDatabase> = {};
  for (const subgraph of SUBGRAPHS) databases[subgraph.name] = databaseEntry(options, databaseName(subgraph, options.prefix));
  databases[EVENTS_DATABASE] = databaseEntry(options, `${options.prefix}_${EVENTS_DATABASE}`);
  return databases;
}

/**
 * Creates (or updates) both roles, every subgraph's database and the events database as the
 * superuser, and the events tables. Idempotent; the services' own migrations create their tables.
 */
export async function provisionAll(options: ProvisionAllOptions): Promise<Record<string, SubgraphDatabase>> {
  const databases = subgraphDatabases(options);
  const names = Object.values(databases).map((entry) => entry.database);
  if (options.reset) await dropDatabases(options.adminUrl, names);
  await provisionDatabases({
    adminUrl: options.adminUrl,
    ownerRole: ownerRole(options.prefix),
    ownerPassword: options.ownerPassword,
    appRole: appRole(options.prefix),
    appPassword: options.appPassword,
    databases: names,
  });
  await ensureEventsSchema(databases[EVENTS_DATABASE]!.ownerUrl);
  return databases;
}
