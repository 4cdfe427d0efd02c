/**
 * The tables FreeRADIUS 3.2's rlm_sql reads and writes with its PostgreSQL dialect, in a schema of
 * our choosing. Equivalent to Debian's mods-config/sql/main/postgresql/schema.sql, with the
 * columns the stock queries name. Every INSERT in those queries lists its columns, so tables may
 * carry extra columns as long as they have defaults (tenant_id, for instance).
 */

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

export function assertIdentifier(name: string, what = 'identifier'): string {
  if (!IDENTIFIER.test(name)) throw new Error(`${what} must match ${IDENTIFIER}: ${JSON.stringify(name)}`);
  return name;
}

/** The tables, in creation order; radacct's acctuniqueid must stay unique (ON CONFLICT targets it). */
export const FREERADIUS_TABLES = [
  'radcheck',
  'radreply',
  'radgroupcheck',
  'radgroupreply',
  'radusergroup',
  'radacct',
  'radpostauth',
  'nas',
  'nasreload',
] as const;

/** check/reply rows: an attribute, an operator (`:=`, `==`, `+=`, ...) and a value as text. */
function attributeTable(schema: string, table: string, key: 'username' | 'groupname', op: string): string {
  return `
create table ${schema}.${table} (
  id serial primary key,
  ${key} text not null default '',
  attribute text not null default '',
  op varchar(2) not null default '${op}',
  value text not null default ''
);
create index ${table}_${key}_idx on ${schema}.${table} (${key}, attribute);`;
}

export function freeradiusSchemaSql(schemaName: string): string {
  const s = assertIdentifier(schemaName, 'schema name');
  return `
create schema if not exists ${s};
${attributeTable(s, 'radcheck', 'username', '==')}
${attributeTable(s, 'radreply', 'username', '=')}
${attributeTable(s, 'radgroupcheck', 'groupname', '==')}
${attributeTable(s, 'radgroupreply', 'groupname', '=')}

create table ${s}.radusergroup (
  id serial primary key,
  username text not null default '',
  groupname text not null default '',
  priority integer not null default 0
);
create index radusergroup_username_idx on ${s}.radusergroup (username);

create table ${s}.radacct (
  radacctid bigserial primary key,
  acctsessionid text not null,
  acctuniqueid text not null unique,
  username text,
  realm text,
  nasipaddress inet not null,
  nasportid text,
  nasporttype text,
  acctstarttime timestamptz,
  acctupdatetime timestamptz,
  acctstoptime timestamptz,
  acctinterval bigint,
  acctsessiontime bigint,
  acctauthentic text,
  connectinfo_start text,
  connectinfo_stop text,
  acctinputoctets bigint,
  acctoutputoctets bigint,
  calledstationid text,
  callingstationid text,
  acctterminatecause text,
  servicetype text,
  framedprotocol text,
  framedipaddress inet,
  framedipv6address inet,
  framedipv6prefix inet,
  framedinterfaceid text,
  delegatedipv6prefix inet,
  class text
);
create index radacct_active_session_idx on ${s}.radacct (acctuniqueid) where acctstoptime is null;
create index radacct_bulk_close_idx on ${s}.radacct (nasipaddress, acctstarttime) where acctstoptime is null;
create index radacct_start_user_idx on ${s}.radacct (acctstarttime, username);

create table ${s}.radpostauth (
  id bigserial primary key,
  username text not null,
  pass text,
  reply text,
  calledstationid text,
  callingstationid text,
  authdate timestamptz not null default now(),
  class text
);
create index radpostauth_username_idx on ${s}.radpostauth (username);

create table ${s}.nas (
  id serial primary key,
  nasname text not null,
  shortname text not null,
  type text not null default 'other',
  ports integer,
  secret text not null,
  server text,
  community text,
  description text
);
create index nas_nasname_idx on ${s}.nas (nasname);

create table ${s}.nasreload (
  nasipaddress inet primary key,
  reloadtime timestamptz not null
);
`;
}

/**
 * What the role FreeRADIUS logs in as needs: read the check/reply/group/NAS tables, write
 * accounting and post-auth. Nothing else, so the server cannot change who is allowed in.
 */
export function freeradiusGrantsSql(schemaName: string, role: string): string {
  const s = assertIdentifier(schemaName, 'schema name');
  const r = assertIdentifier(role, 'role');
  return `
grant usage on schema ${s} to ${r};
grant select on ${s}.radcheck, ${s}.radreply, ${s}.radgroupcheck, ${s}.radgroupreply, ${s}.radusergroup, ${s}.nas to ${r};
grant select, insert, update on ${s}.radacct, ${s}.nasreload to ${r};
grant insert on ${s}.radpostauth to ${r};
grant usage on sequence ${s}.radacct_radacctid_seq, ${s}.radpostauth_id_seq to ${r};
`;
}
