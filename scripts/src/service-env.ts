import type { LogLevel } from './config.js';
import { EVENTS_DATABASE, type SubgraphDatabase } from './provisioning.js';
import type { PlatformSecrets } from './secrets.js';
import type { Credentials } from './seed/demo-data.js';
import { SUBGRAPHS, identitySubgraph, subgraphPort, type SubgraphDefinition } from './subgraphs.js';

/** What the services' environments are made of; the launcher and the tests build them the same way. */
export interface ServiceEnvInputs {
  secrets: PlatformSecrets;
  databases: Record<string, SubgraphDatabase>;
  bootstrapAdmin: Credentials;
  logLevel: LogLevel;
  redisUrl?: string;
  /** Prefix of every Redis key and stream, so several platforms can share one Redis. */
  redisKeyPrefix: string;
  firstSubgraphPort: number;
  inheritedEnv?: Readonly<Record<string, string>>;
}

export const localUrl = (port: number, route: string): string => `http://127.0.0.1:${port}${route}`;

/** `{ tenants: 'http://127.0.0.1:4001/graphql', … }` for the given first subgraph port. */
export function localSubgraphUrls(firstSubgraphPort: number): Record<string, string> {
  return Object.fromEntries(SUBGRAPHS.map((subgraph) => [subgraph.name, localUrl(subgraphPort(subgraph, firstSubgraphPort), '/graphql')]));
}

function commonEnv(inputs: ServiceEnvInputs): Record<string, string> {
  return {
    ...inputs.inheritedEnv,
    INTERNAL_SIGNING_KEY: inputs.secrets.internalSigningKey,
    LOG_LEVEL: inputs.logLevel,
    // Events cross processes through Redis when there is one, else through the events database.
    ...(inputs.redisUrl
      ? { REDIS_URL: inputs.redisUrl, REDIS_KEY_PREFIX: inputs.redisKeyPrefix }
      : { EVENTS_DATABASE_URL: inputs.databases[EVENTS_DATABASE]?.appUrl ?? '' }),
  };
}

/** A subgraph's environment: its own database (and the owner URL, so it migrates before listening). */
export function subgraphEnv(subgraph: SubgraphDefinition, inputs: ServiceEnvInputs): Record<string, string> {
  const database = inputs.databases[subgraph.name];
  if (!database) throw new Error(`No database provisioned for subgraph ${subgraph.name}`);
  return {
    ...commonEnv(inputs),
    HOST: '127.0.0.1',
    PORT: String(subgraphPort(subgraph, inputs.firstSubgraphPort)),
    DATABASE_URL: database.appUrl,
    MIGRATION_DATABASE_URL: database.ownerUrl,
    ...(subgraph.ownsIdentity
      ? {
          JWT_SECRET: inputs.secrets.jwtSecret,
          BOOTSTRAP_ADMIN_EMAIL: inputs.bootstrapAdmin.email,
          BOOTSTRAP_ADMIN_PASSWORD: inputs.bootstrapAdmin.password,
        }
      : {}),
    ...(subgraph.encryptsCredentials ? { NETWORK_CREDENTIALS_KEY: inputs.secrets.networkCredentialsKey } : {}),
  };
}

export function gatewayEnv(
  inputs: ServiceEnvInputs,
  gateway: { host: string; port: number; supergraphPath: string; trustProxy: boolean },
): Record<string, string> {
  const urls = localSubgraphUrls(inputs.firstSubgraphPort);
  return {
    ...commonEnv(inputs),
    HOST: gateway.host,
    PORT: String(gateway.port),
    SUPERGRAPH_PATH: gateway.supergraphPath,
    TRUST_PROXY: String(gateway.trustProxy),
    SUBGRAPH_URLS: Object.entries(urls).map(([name, url]) => `${name}=${url}`).join(','),
    TENANTS_INTERNAL_URL: localUrl(subgraphPort(identitySubgraph(), inputs.firstSubgraphPort), '/internal/auth/resolve'),
  };
}
