import pg from 'pg';

/**
 * Creating the roles and databases DotMac runs on, as a superuser. Idempotent: safe on every start.
 * The owner role owns the tables and runs migrations; the application role only reads and writes
 * rows, cannot bypass row-level security, and owns nothing.
 */
export interface ProvisionPlan {
  /** Superuser connection URL (any database on the server). */
  adminUrl: string;
  ownerRole: string;
  ownerPassword: string;
  appRole: string;
  appPassword: string;
  databases: string[];
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

function ident(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`Unsafe SQL identifier: ${name}`);
  return `"${name}"`;
}

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function ensureRole(client: pg.Client, role: string, password: string, extra: string): Promise<void> {
  const exists = await client.query('select 1 from pg_roles where rolname = $1', [role]);
  const verb = exists.rowCount ? 'alter' : 'create';
  await client.query(`${verb} role ${ident(role)} with login ${extra} password ${literal(password)}`);
}

export function databaseUrl(adminUrl: string, database: string, role: string, password: string): string {
  const url = new URL(adminUrl);
  url.username = role;
  url.password = password;
  url.pathname = `/${database}`;
  return url.toString();
}

export async function provisionDatabases(plan: ProvisionPlan): Promise<void> {
  await withClient(plan.adminUrl, async (client) => {
    await ensureRole(client, plan.ownerRole, plan.ownerPassword, 'nosuperuser nocreatedb nocreaterole');
    await ensureRole(client, plan.appRole, plan.appPassword, 'nosuperuser nocreatedb nocreaterole nobypassrls');
    for (const database of plan.databases) {
      const exists = await client.query('select 1 from pg_database where datname = $1', [database]);
      if (!exists.rowCount) await client.query(`create database ${ident(database)} owner ${ident(plan.ownerRole)}`);
    }
  });
  for (const database of plan.databases) {
    const url = new URL(plan.adminUrl);
    url.pathname = `/${database}`;
    await withClient(url.toString(), async (client) => {
      const owner = ident(plan.ownerRole);
      const app = ident(plan.appRole);
      await client.query(`alter schema public owner to ${owner}`);
      await client.query(`revoke all on schema public from public`);
      await client.query(`grant usage on schema public to ${app}`);
      await client.query(
        `alter default privileges for role ${owner} in schema public grant select, insert, update, delete on tables to ${app}`,
      );
      await client.query(`alter default privileges for role ${owner} in schema public grant usage, select on sequences to ${app}`);
      await client.query(`alter default privileges for role ${owner} in schema public grant execute on functions to ${app}`);
    });
  }
}

/** Drops the databases of a plan (tests use it to start from nothing). */
export async function dropDatabases(adminUrl: string, databases: string[]): Promise<void> {
  await withClient(adminUrl, async (client) => {
    for (const database of databases) await client.query(`drop database if exists ${ident(database)} with (force)`);
  });
}
