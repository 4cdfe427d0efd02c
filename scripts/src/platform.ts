import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { LogLevel } from './config.js';
import { startEmbeddedPostgres, type RunningPostgres } from './postgres/embedded-postgres.js';
import { assertPortFree } from './process/ports.js';
import { spawnService, type RunningService } from './process/service-process.js';
import { entryOf } from './paths.js';
import { provisionAll, type SubgraphDatabase } from './provisioning.js';
import { loadOrCreateSecrets, type PlatformSecrets } from './secrets.js';
import { DEMO_ADMIN, type Credentials } from './seed/demo-data.js';
import { writeRuntimeSupergraph } from './runtime-supergraph.js';
import { gatewayEnv, localSubgraphUrls, localUrl, subgraphEnv, type ServiceEnvInputs } from './service-env.js';
import { SUBGRAPHS, subgraphPort } from './subgraphs.js';
import { startWebServer, type RunningWebServer } from './web-server.js';
import { forwardWarnings } from './service-output.js';

export interface PlatformOptions {
  /** Secrets, embedded PostgreSQL data, logs and the composed supergraph live here. */
  dataDir: string;
  /** Superuser URL of an existing PostgreSQL; without it embedded PostgreSQL runs. */
  databaseUrl?: string;
  redisUrl?: string;
  /** Prefix of Redis keys and streams; default: the database prefix. */
  redisKeyPrefix?: string;
  /** Databases `<prefix>_<subgraph>`, roles `<prefix>_owner` and `<prefix>_app`. Default `dotmac`. */
  dbPrefix?: string;
  /** Interface the gateway and web server bind to (subgraphs always bind 127.0.0.1). */
  host?: string;
  gatewayPort?: number;
  firstSubgraphPort?: number;
  /** `false`: no admin web server. */
  webPort?: number | false;
  /** Let the gateway take the client address from X-Forwarded-For (tests vary it per request). */
  trustProxy?: boolean;
  embeddedPostgresPort?: number;
  logLevel?: LogLevel;
  /** Secrets to use instead of the ones stored in `<dataDir>/secrets.json`. */
  secrets?: Partial<PlatformSecrets>;
  bootstrapAdmin?: Credentials;
  /** A supergraph file to serve; default: compose it from the subgraphs' code now. */
  supergraphPath?: string;
  /** Drop the databases first (tests). */
  resetDatabases?: boolean;
  /** Variables every child inherits (PATH, NODE_OPTIONS, …); everything else is explicit. */
  inheritedEnv?: Readonly<Record<string, string>>;
  /** Aborting cancels start-up and stops what already started. */
  signal?: AbortSignal;
  /** Progress and forwarded service warnings. Default: console.log. */
  log?: (message: string) => void;
  /** A service exited while the platform was running (not during stop). */
  onServiceExit?: (service: string, reason: string, output: string) => void;
}

export interface RunningPlatform {
  /** The public GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  gatewayUrl: string;
  webUrl: string | undefined;
  subgraphUrls: Record<string, string>;
  /** Superuser URL of the server the databases are on. */
  adminDatabaseUrl: string;
  databases: Record<string, SubgraphDatabase>;
  secrets: PlatformSecrets;
  bootstrapAdmin: Credentials;
  embeddedPostgres: boolean;
  /** Stops gateway, subgraphs, web server, embedded PostgreSQL, in that order. Idempotent. */
  stop(): Promise<void>;
}

const reachable = (host: string): string => (host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host);

interface Started {
  postgres?: RunningPostgres;
  subgraphs: RunningService[];
  gateway?: RunningService;
  web?: RunningWebServer;
}

async function stopInOrder(started: Started, log: (message: string) => void): Promise<void> {
  const step = async (what: string, stop: (() => Promise<unknown>) | undefined): Promise<void> => {
    if (!stop) return;
    await stop();
    log(`stopped ${what}`);
  };
  await step('gateway', started.gateway?.stop);
  const subgraphs = started.subgraphs;
  await step('subgraphs', subgraphs.length ? () => Promise.all(subgraphs.map((service) => service.stop())) : undefined);
  await step('admin web', started.web?.stop);
  await step('PostgreSQL', started.postgres?.stop);
}

/**
 * Starts the whole platform: PostgreSQL (embedded unless a URL is given), roles and databases,
 * every subgraph (each migrates its own database), the gateway, and the admin web placeholder.
 * Resolves once the gateway is healthy. On any failure it stops what it started and rethrows.
 */
export async function startPlatform(options: PlatformOptions): Promise<RunningPlatform> {
  const log = options.log ?? ((message: string) => console.log(message));
  const host = options.host ?? '127.0.0.1';
  const gatewayPort = options.gatewayPort ?? 4000;
  const firstSubgraphPort = options.firstSubgraphPort ?? 4001;
  const webPort = options.webPort ?? 4100;
  const bootstrapAdmin = options.bootstrapAdmin ?? DEMO_ADMIN;
  const dbPrefix = options.dbPrefix ?? 'dotmac';
  const logsDir = path.join(options.dataDir, 'logs');
  const started: Started = { subgraphs: [] };
  let stopping: Promise<void> | undefined;
  const checkpoint = (): void => {
    if (options.signal?.aborted) throw new Error('Start-up cancelled');
  };

  try {
    await mkdir(logsDir, { recursive: true });
    for (const subgraph of SUBGRAPHS) await assertPortFree(subgraphPort(subgraph, firstSubgraphPort), `${subgraph.name} subgraph`);
    await assertPortFree(gatewayPort, 'gateway', host);
    if (webPort !== false) await assertPortFree(webPort, 'admin web', host);

    const secrets = await loadOrCreateSecrets(options.dataDir, options.secrets);
    checkpoint();
    let adminDatabaseUrl = options.databaseUrl;
    if (!adminDatabaseUrl) {
      log('starting embedded PostgreSQL …');
      started.postgres = await startEmbeddedPostgres({
        clusterDir: path.join(options.dataDir, 'pg'),
        port: options.embeddedPostgresPort ?? 54329,
        password: secrets.embeddedPostgresPassword,
        logFile: path.join(logsDir, 'postgres.log'),
      });
      adminDatabaseUrl = started.postgres.adminUrl;
    }
    checkpoint();
    const databases = await provisionAll({
      adminUrl: adminDatabaseUrl,
      prefix: dbPrefix,
      ownerPassword: secrets.ownerPassword,
      appPassword: secrets.appPassword,
      reset: options.resetDatabases,
    });
    const supergraphPath = options.supergraphPath ?? (await writeRuntimeSupergraph(options.dataDir, log));
    checkpoint();

    const envInputs: ServiceEnvInputs = {
      secrets,
      databases,
      bootstrapAdmin,
      logLevel: options.logLevel ?? 'info',
      redisUrl: options.redisUrl,
      redisKeyPrefix: options.redisKeyPrefix ?? dbPrefix,
      firstSubgraphPort,
      inheritedEnv: options.inheritedEnv,
    };
    log(`starting subgraphs: ${SUBGRAPHS.map((subgraph) => subgraph.name).join(', ')} …`);
    const spawned = await Promise.allSettled(
      SUBGRAPHS.map((subgraph) =>
        spawnService({
          name: subgraph.name,
          entry: entryOf(subgraph.packageName, 'main'),
          env: subgraphEnv(subgraph, envInputs),
          healthUrl: localUrl(subgraphPort(subgraph, firstSubgraphPort), '/health'),
          logFile: path.join(logsDir, `${subgraph.name}.log`),
          onOutputLine: forwardWarnings(subgraph.name, log),
          signal: options.signal,
        }),
      ),
    );
    for (const result of spawned) if (result.status === 'fulfilled') started.subgraphs.push(result.value);
    const failed = spawned.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;

    log('starting gateway …');
    started.gateway = await spawnService({
      name: 'gateway',
      entry: entryOf('@dotmac/gateway', 'main'),
      env: gatewayEnv(envInputs, { host, port: gatewayPort, supergraphPath, trustProxy: options.trustProxy ?? false }),
      healthUrl: `http://${reachable(host)}:${gatewayPort}/health`,
      logFile: path.join(logsDir, 'gateway.log'),
      onOutputLine: forwardWarnings('gateway', log),
      signal: options.signal,
    });
    const gatewayUrl = `http://${reachable(host)}:${gatewayPort}/graphql`;
    if (webPort !== false) started.web = await startWebServer({ host, port: webPort, gatewayUrl });

    for (const service of [...started.subgraphs, started.gateway]) {
      void service.exited.then((exit) => {
        if (stopping) return;
        const reason = exit.signal ? `killed by ${exit.signal}` : `exited with code ${exit.code}`;
        options.onServiceExit?.(service.name, reason, service.outputTail());
      });
    }
    return {
      gatewayUrl,
      webUrl: started.web?.url,
      subgraphUrls: localSubgraphUrls(firstSubgraphPort),
      adminDatabaseUrl,
      databases,
      secrets,
      bootstrapAdmin,
      embeddedPostgres: started.postgres !== undefined,
      stop: () => (stopping ??= stopInOrder(started, log)),
    };
  } catch (error) {
    stopping = stopInOrder(started, log);
    await stopping;
    throw error;
  }
}
