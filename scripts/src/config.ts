import path from 'node:path';
import { env, readConfig, type EnvSource } from '@dotmac/kernel';
import { repoRoot } from './paths.js';
import { DEFAULT_FIRST_SUBGRAPH_PORT } from './subgraphs.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const sqlPrefix = {
  read(name: string, raw: string | undefined, problems: string[]): string {
    const value = raw || 'dotmac';
    if (!/^[a-z_][a-z0-9_]{0,40}$/.test(value)) problems.push(`${name} must be lower-case letters, digits and _, got "${raw}"`);
    return value;
  },
};

/** Environment the launcher passes on to its children (everything else they get is explicit). */
const INHERITED = ['PATH', 'HOME', 'TZ', 'LANG', 'NODE_ENV', 'NODE_OPTIONS', 'NODE_EXTRA_CA_CERTS'] as const;

export interface LauncherConfig {
  /** Superuser URL of an existing PostgreSQL server; undefined: run embedded PostgreSQL. */
  readonly databaseUrl: string | undefined;
  readonly redisUrl: string | undefined;
  readonly dataDir: string;
  readonly host: string;
  readonly gatewayPort: number;
  readonly firstSubgraphPort: number;
  readonly webPort: number;
  readonly embeddedPostgresPort: number;
  readonly dbPrefix: string;
  readonly logLevel: LogLevel;
  readonly jwtSecret: string | undefined;
  readonly internalSigningKey: string | undefined;
  readonly networkCredentialsKey: string | undefined;
  readonly seedDemo: boolean;
  readonly inheritedEnv: Readonly<Record<string, string>>;
}

/** Reads the launcher's environment once; fails listing every bad variable. */
export function readLauncherConfig(source: EnvSource = process.env): LauncherConfig {
  const raw = readConfig(
    {
      DATABASE_URL: env.optionalUrl(),
      REDIS_URL: env.optionalUrl(),
      DOTMAC_DATA_DIR: env.string(path.join(repoRoot, '.dotmac')),
      HOST: env.string('127.0.0.1'),
      GATEWAY_PORT: env.int(4000),
      SUBGRAPH_PORT: env.int(DEFAULT_FIRST_SUBGRAPH_PORT),
      WEB_PORT: env.int(4100),
      EMBEDDED_PG_PORT: env.int(54329),
      DB_PREFIX: sqlPrefix,
      LOG_LEVEL: env.oneOf(LOG_LEVELS, 'info'),
      JWT_SECRET: env.optionalSecret(),
      INTERNAL_SIGNING_KEY: env.optionalSecret(),
      NETWORK_CREDENTIALS_KEY: env.optionalSecret(),
      DOTMAC_SEED: env.bool(true),
    },
    source,
  );
  const inheritedEnv: Record<string, string> = {};
  for (const name of INHERITED) {
    const value = source[name];
    if (value !== undefined) inheritedEnv[name] = value;
  }
  return Object.freeze({
    databaseUrl: raw.DATABASE_URL,
    redisUrl: raw.REDIS_URL,
    dataDir: path.resolve(raw.DOTMAC_DATA_DIR),
    host: raw.HOST,
    gatewayPort: raw.GATEWAY_PORT,
    firstSubgraphPort: raw.SUBGRAPH_PORT,
    webPort: raw.WEB_PORT,
    embeddedPostgresPort: raw.EMBEDDED_PG_PORT,
    dbPrefix: raw.DB_PREFIX,
    logLevel: raw.LOG_LEVEL,
    jwtSecret: raw.JWT_SECRET,
    internalSigningKey: raw.INTERNAL_SIGNING_KEY,
    networkCredentialsKey: raw.NETWORK_CREDENTIALS_KEY,
    seedDemo: raw.DOTMAC_SEED,
    inheritedEnv: Object.freeze(inheritedEnv),
  });
}
