import { databaseUrl, dropDatabases, provisionDatabases } from '@dotmac/kernel';
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

/** Connection URLs of every subgraph's database, keyed by subgraph name (no server access). */
export function subgraphDatabases(options: Omit<ProvisionAllOptions, 'reset'>): Record<string, SubgraphDatabase> {
  const databases: Record<string, SubgraphDatabase> = {};
  for (const subgraph of SUBGRAPHS) {
    const database = databaseName(subgraph, options.prefix);
    databases[subgraph.name] = {
      database,
      appUrl: databaseUrl(options.adminUrl, database, appRole(options.prefix), options.appPassword),
      ownerUrl: databaseUrl(options.adminUrl, database, ownerRole(options.prefix), options.ownerPassword),
    };
  }
  return databases;
}

/**
 * Creates (or updates) both roles and every subgraph's database as the superuser. Idempotent; the
 * services' own migrations create the tables afterwards.
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
  return databases;
}
