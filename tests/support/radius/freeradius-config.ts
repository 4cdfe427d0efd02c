import path from 'node:path';

/** Where Debian's FreeRADIUS 3.2 keeps its modules and the stock PostgreSQL queries. */
export const FREERADIUS_LIBDIR = '/usr/lib/freeradius';
export const FREERADIUS_QUERIES = '/etc/freeradius/3.0/mods-config/sql/main/postgresql/queries.conf';

export interface RadiusConfigOptions {
  dir: string;
  authPort: number;
  acctPort: number;
  secret: string;
  /** libpq connection string without the password (that goes in PGPASSWORD). */
  conninfo: string;
  queriesFile?: string;
}

/**
 * A FreeRADIUS config string in single quotes: taken literally (no `${...}` expansion), with `\'`
 * for a quote. A backslash right before a quote or at the end would be ambiguous, so it is refused.
 */
export function quoted(value: string): string {
  if (/\\('|$)/.test(value)) throw new Error(`cannot quote for FreeRADIUS (backslash before a quote or at the end): ${value}`);
  return `'${value.replace(/'/g, "\\'")}'`;
}

/**
 * A complete, private raddb: one virtual server on loopback, one client (127.0.0.1), and rlm_sql
 * on PostgreSQL with the stock queries. No files, no EAP, no proxying: every answer comes from SQL.
 */
export function radiusConfigFiles(options: RadiusConfigOptions): Record<string, string> {
  const { dir } = options;
  const radiusd = `
prefix = /usr
exec_prefix = /usr
sysconfdir = ${dir}
localstatedir = ${dir}
sbindir = /usr/sbin
logdir = ${path.join(dir, 'log')}
raddbdir = ${dir}
radacctdir = ${path.join(dir, 'log')}
name = freeradius
confdir = ${dir}
modconfdir = ${dir}
run_dir = ${path.join(dir, 'run')}
db_dir = ${dir}
libdir = ${FREERADIUS_LIBDIR}
pidfile = ${path.join(dir, 'run', 'freeradius.pid')}
max_request_time = 30
cleanup_delay = 0
max_requests = 1024
hostname_lookups = no

log {
  destination = stdout
  colourise = no
  stripped_names = no
  auth = yes
  auth_badpass = no
  auth_goodpass = no
}

security {
  allow_core_dumps = no
  max_attributes = 200
  reject_delay = 0
  status_server = yes
}

proxy_requests = no

thread pool {
  start_servers = 2
  max_servers = 8
  min_spare_servers = 1
  max_spare_servers = 4
  max_requests_per_server = 0
}

client loopback {
  ipaddr = 127.0.0.1
  secret = ${quoted(options.secret)}
  require_message_authenticator = no
  nas_type = other
}

modules {
  $INCLUDE ${path.join(dir, 'modules.conf')}
}

policy {
  $INCLUDE ${path.join(dir, 'policy.conf')}
}

$INCLUDE ${path.join(dir, 'site.conf')}
`;

  const modules = `
pap {
}

expr {
}

sql {
  dialect = "postgresql"
  driver = "rlm_sql_postgresql"
  # A libpq connection string (it contains '='), used as given; the password comes from PGPASSWORD.
  radius_db = ${quoted(options.conninfo)}
  # Escape request values with libpq (PQescapeStringConn) instead of rlm_sql's own =XX mime
  # encoding of everything outside safe_characters: a username is then stored and matched as is.
  auto_escape = yes

  postgresql {
    send_application_name = yes
  }

  acct_table1 = "radacct"
  acct_table2 = "radacct"
  postauth_table = "radpostauth"
  authcheck_table = "radcheck"
  groupcheck_table = "radgroupcheck"
  authreply_table = "radreply"
  groupreply_table = "radgroupreply"
  usergroup_table = "radusergroup"
  client_table = "nas"
  read_clients = no
  read_groups = yes
  read_profiles = yes
  delete_stale_sessions = yes
  group_attribute = "SQL-Group"

  pool {
    start = 1
    min = 1
    max = 8
    spare = 2
    uses = 0
    retry_delay = 1
    lifetime = 0
    idle_timeout = 60
  }

  $INCLUDE ${options.queriesFile ?? FREERADIUS_QUERIES}
}
`;

  // Debian's acct_unique without the Class shortcut: one radacct row per NAS session.
  const policy = `
acct_unique {
  update request {
    &Acct-Unique-Session-Id := "%{md5:%{User-Name},%{Acct-Session-ID},%{%{NAS-IPv6-Address}:-%{NAS-IP-Address}},%{NAS-Identifier},%{NAS-Port-ID},%{NAS-Port}}"
  }
}
`;

  const site = `
server default {
  listen {
    type = auth
    ipaddr = 127.0.0.1
    port = ${options.authPort}
  }
  listen {
    type = acct
    ipaddr = 127.0.0.1
    port = ${options.acctPort}
  }

  authorize {
    sql
    pap
  }

  authenticate {
    Auth-Type PAP {
      pap
    }
  }

  preacct {
    acct_unique
  }

  accounting {
    sql
  }

  post-auth {
    sql
    Post-Auth-Type REJECT {
      sql
    }
  }

  Autz-Type Status-Server {
    ok
  }
}
`;

  return {
    'radiusd.conf': radiusd,
    'modules.conf': modules,
    'policy.conf': policy,
    'site.conf': site,
    dictionary: '# Local attributes: none. The main dictionary (with the vendor ones) is Debian\'s.\n',
  };
}
