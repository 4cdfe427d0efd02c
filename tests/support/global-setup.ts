import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startPlatform, type RunningPlatform } from '@dotmac/scripts/index';
import { findPostgres, findRedis } from './environment.js';
import type { TestPlatform } from './platform-context.js';

/**
 * Starts the real platform once for the whole suite: real PostgreSQL (DATABASE_URL, else the local
 * server, else embedded), real Redis when one answers, every subgraph and the gateway as their own
 * processes, on a database prefix of its own, from empty databases.
 */
export default async function setup(project: TestProject) {
  // Several suites may run side by side on one machine: TEST_PORT_BASE and TEST_DB_PREFIX keep them apart.
  const portBase = Number(process.env.TEST_PORT_BASE ?? 4600);
  const dbPrefix = process.env.TEST_DB_PREFIX ?? 'dotmac_test';
  const databaseUrl = await findPostgres();
  const redisUrl = await findRedis();
  if (!redisUrl) {
    console.warn('\n!!! No Redis at REDIS_URL or 127.0.0.1:6379: the Redis tests are SKIPPED and events stay in-process.\n');
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'dotmac-test-'));
  const redisKeyPrefix = `dotmac_test_${process.pid}`;
  let platform: RunningPlatform | undefined;
  try {
    platform = await startPlatform({
      dataDir,
      databaseUrl,
      redisUrl,
      redisKeyPrefix,
      dbPrefix,
      gatewayPort: portBase,
      firstSubgraphPort: portBase + 1,
      embeddedPostgresPort: 54339 + (portBase - 4600),
      webPort: false,
      resetDatabases: true,
      logLevel: 'warn',
      trustProxy: true,
      // Tests drive billing runs and dunning with explicit dates; the scheduler, which uses the real
      // clock, is exercised on its own (tests/billing-run/scheduler.test.ts).
      // Likewise the telemetry maintenance pass (tests/network-telemetry/retention.test.ts runs it itself).
      inheritedEnv: { BILLING_SCHEDULER_INTERVAL_MS: '0', TELEMETRY_MAINTENANCE_INTERVAL_MS: '0' },
      log: () => undefined,
      // A service dying mid-run fails many tests with refused connections; say which and why.
      onServiceExit: (name, reason, outputTail) => console.error(`\n!!! the test platform's ${name} ${reason}:\n${outputTail}\n`),
    });
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  const context: TestPlatform = {
    gatewayUrl: platform.gatewayUrl,
    subgraphUrls: platform.subgraphUrls,
    adminDatabaseUrl: platform.adminDatabaseUrl,
    appDatabaseUrls: Object.fromEntries(Object.entries(platform.databases).map(([name, db]) => [name, db.appUrl])),
    ownerDatabaseUrls: Object.fromEntries(Object.entries(platform.databases).map(([name, db]) => [name, db.ownerUrl])),
    internalSigningKey: platform.secrets.internalSigningKey,
    jwtSecret: platform.secrets.jwtSecret,
    networkCredentialsKey: platform.secrets.networkCredentialsKey,
    admin: platform.bootstrapAdmin,
    redisUrl,
    redisKeyPrefix,
  };
  project.provide('platform', context);
  return async () => {
    await platform?.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
