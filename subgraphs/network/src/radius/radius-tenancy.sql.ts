import { assertIdentifier } from './freeradius-schema.js';

/** The PostgreSQL schema of the network database that FreeRADIUS reads and writes. */
export const RADIUS_SCHEMA = 'radius';

/**
 * The `app.scope` FreeRADIUS's connections run in (set with libpq `options`). Policies let that
 * scope read every tenant's check, reply and group rows and write accounting; nothing else.
 */
export const FREERADIUS_SCOPE = 'radius';

/** Tables the platform writes (one tenant per row). */
const PLATFORM_WRITTEN = ['radcheck', 'radreply', 'radgroupcheck', 'radgroupreply', 'radusergroup'];
/** Tables FreeRADIUS writes; the tenant comes from the username (null when nobody has it). */
const SERVER_WRITTEN = ['radacct', 'radpostauth'];
/** Unused while clients are configured in files; kept tenant-less and readable by FreeRADIUS. */
const SERVER_CONFIG = ['nas', 'nasreload'];

const inRadiusScope = `coalesce(current_setting('app.scope', true), '') = '${FREERADIUS_SCOPE}'`;

/**
 * Tenancy for the FreeRADIUS tables: a tenant column on each, row-level security for the
 * application role (`app_can_see`, forced), and the FreeRADIUS scope's own policies. Accounting
 * and post-auth rows take their tenant from the username's check rows (usernames are unique across
 * tenants), and post-auth rows never keep the password a client sent, whatever the queries say.
 */
export function radiusTenancySql(schemaName: string = RADIUS_SCHEMA): string[] {
  const s = assertIdentifier(schemaName, 'schema name');
  const sql: string[] = [];
  for (const table of PLATFORM_WRITTEN) sql.push(`alter table ${s}.${table} add column tenant_id uuid not null`);
  for (const table of [...SERVER_WRITTEN, ...SERVER_CONFIG]) sql.push(`alter table ${s}.${table} add column tenant_id uuid null`);
  sql.push(`create index radacct_tenant_user_start_idx on ${s}.radacct (tenant_id, username, acctstarttime)`);
  sql.push(`create index radcheck_tenant_idx on ${s}.radcheck (tenant_id)`);

  sql.push(`create function ${s}.tenant_of_username(name text) returns uuid language sql stable set search_path = pg_catalog as $$
    select tenant_id from ${s}.radcheck where username = name order by id limit 1
  $$`);
  sql.push(`create function ${s}.radacct_tenant() returns trigger language plpgsql set search_path = pg_catalog as $$
    begin
      if new.tenant_id is null then new.tenant_id := ${s}.tenant_of_username(new.username); end if;
      return new;
    end $$`);
  sql.push(`create trigger radacct_tenant before insert on ${s}.radacct for each row execute function ${s}.radacct_tenant()`);
  sql.push(`create function ${s}.radpostauth_scrub() returns trigger language plpgsql set search_path = pg_catalog as $$
    begin
      new.pass := null;
      if new.tenant_id is null then new.tenant_id := ${s}.tenant_of_username(new.username); end if;
      return new;
    end $$`);
  sql.push(`create trigger radpostauth_scrub before insert on ${s}.radpostauth for each row execute function ${s}.radpostauth_scrub()`);

  for (const table of [...PLATFORM_WRITTEN, ...SERVER_WRITTEN, ...SERVER_CONFIG]) {
    sql.push(`alter table ${s}.${table} enable row level security`);
    sql.push(`alter table ${s}.${table} force row level security`);
    sql.push(`create policy tenant_isolation on ${s}.${table} using (public.app_can_see(tenant_id)) with check (public.app_can_see(tenant_id))`);
  }
  for (const table of PLATFORM_WRITTEN) sql.push(`create policy freeradius_reads on ${s}.${table} for select using (${inRadiusScope})`);
  for (const table of ['radacct', ...SERVER_CONFIG]) sql.push(`create policy freeradius_writes on ${s}.${table} using (${inRadiusScope}) with check (${inRadiusScope})`);
  sql.push(`create policy freeradius_writes on ${s}.radpostauth for insert with check (${inRadiusScope})`);
  sql.push(mirrorPublicGrantsSql(s));
  return sql;
}

/**
 * The roles that use the public schema (the application role) get the same rights on this one:
 * provisioning grants them per database on public only, and a migration does not know their names.
 */
function mirrorPublicGrantsSql(s: string): string {
  return `do $$
    declare grantee text;
    begin
      for grantee in
        select distinct acl.grantee::regrole::text
          from pg_namespace n cross join lateral aclexplode(n.nspacl) acl
         where n.nspname = 'public' and acl.privilege_type = 'USAGE' and acl.grantee <> n.nspowner and acl.grantee <> 0
      loop
        execute format('grant usage on schema ${s} to %s', grantee);
        execute format('grant select, insert, update, delete on all tables in schema ${s} to %s', grantee);
        execute format('grant usage, select on all sequences in schema ${s} to %s', grantee);
      end loop;
    end $$`;
}

