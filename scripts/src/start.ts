import path from 'node:path';
import { ConfigError } from '@dotmac/kernel';
import { readLauncherConfig, type LauncherConfig } from './config.js';
import { isMainModule, repoRoot } from './paths.js';
import { startPlatform, type RunningPlatform } from './platform.js';
import { ServiceStartError } from './process/service-process.js';
import { DEMO_PASSWORD, DEMO_TENANTS } from './seed/demo-data.js';
import { seedDemo, type SeedResult } from './seed/seed-demo.js';

export { startPlatform } from './platform.js';
export { provisionAll } from './provisioning.js';
export { spawnService } from './process/service-process.js';

function loginCurl(platform: RunningPlatform): string {
  const { email, password } = platform.bootstrapAdmin;
  const query = `mutation { login(input: {email: ${JSON.stringify(email)}, password: ${JSON.stringify(password)}}) { accessToken } }`;
  return `curl -s ${platform.gatewayUrl} -H 'content-type: application/json' \\\n    -d '${JSON.stringify({ query })}'`;
}

/** The data dir as the user would type it: relative inside the repo, absolute elsewhere. */
function shown(dir: string): string {
  const relative = path.relative(repoRoot, dir);
  return relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? dir : relative;
}

function banner(config: LauncherConfig, platform: RunningPlatform, seed: SeedResult | undefined): string {
  const where = platform.embeddedPostgres
    ? `embedded PostgreSQL on 127.0.0.1:${config.embeddedPostgresPort}`
    : 'PostgreSQL from DATABASE_URL';
  const lines = [
    '',
    `DotMac is running (${where}; data in ${shown(config.dataDir)})`,
    `  GraphQL gateway  ${platform.gatewayUrl}`,
    `  Admin web        ${platform.webUrl ?? '(off)'}`,
    `  Platform admin   ${platform.bootstrapAdmin.email} / ${platform.bootstrapAdmin.password}`,
  ];
  if (seed) {
    const note = seed.skipped ? ' (if the demo was seeded on an earlier start)' : '';
    lines.push(`  ISP staff        admin@, billing@, noc@, support@<isp>.example / ${DEMO_PASSWORD}${note}`);
    for (const tenant of DEMO_TENANTS) lines.push(`    ${tenant.name.padEnd(14)} <isp> = ${tenant.slug}, ${tenant.subscriberCount} subscribers`);
  }
  lines.push(`  Logs             ${path.join(shown(config.dataDir), 'logs')}/`);
  lines.push('', 'Sign in:', `  ${loginCurl(platform)}`, '');
  return lines.join('\n');
}

/** `npm start`: the whole platform on one machine, seeded, until Ctrl-C. */
async function main(): Promise<void> {
  const config = readLauncherConfig();
  const controller = new AbortController();
  let platform: RunningPlatform | undefined;
  let stopRequested = false;
  let stopCode = 0;
  let firstSignalAt = 0;

  const finish = async (code: number): Promise<never> => {
    await platform?.stop();
    process.exit(code);
  };
  const requestStop = (code: number): void => {
    if (stopRequested) {
      // A second Ctrl-C leaves at once (the exit guard kills what is left); one that follows the
      // first within a second is the same keypress relayed by a parent such as npm.
      if (Date.now() - firstSignalAt > 1_000) process.exit(code);
      return;
    }
    stopRequested = true;
    stopCode = code;
    firstSignalAt = Date.now();
    console.log('\nstopping …');
    controller.abort();
    // While starting, startPlatform cleans up itself and main's catch exits.
    if (platform) void finish(code);
  };
  process.on('SIGINT', () => requestStop(130));
  process.on('SIGTERM', () => requestStop(143));
  // A closed terminal: without a handler node dies on the spot and the services keep running.
  process.on('SIGHUP', () => requestStop(129));

  try {
    platform = await startPlatform({
      dataDir: config.dataDir,
      databaseUrl: config.databaseUrl,
      redisUrl: config.redisUrl,
      dbPrefix: config.dbPrefix,
      host: config.host,
      gatewayPort: config.gatewayPort,
      firstSubgraphPort: config.firstSubgraphPort,
      webPort: config.webPort,
      embeddedPostgresPort: config.embeddedPostgresPort,
      logLevel: config.logLevel,
      secrets: { jwtSecret: config.jwtSecret, internalSigningKey: config.internalSigningKey, networkCredentialsKey: config.networkCredentialsKey },
      inheritedEnv: config.inheritedEnv,
      signal: controller.signal,
      onServiceExit: (service, reason, output) => {
        console.error(`\n${service} ${reason}. Its last output:\n${output}`);
        if (!stopRequested) requestStop(1);
      },
    });
  } catch (error) {
    if (stopRequested) process.exit(stopCode);
    if (error instanceof ServiceStartError) console.error(`\n${error.message}. Its last output:\n${error.output}\n`);
    else console.error(`\nDotMac failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  if (stopRequested) return finish(stopCode);

  let seed: SeedResult | undefined;
  if (config.seedDemo) {
    try {
      seed = await seedDemo({ gatewayUrl: platform.gatewayUrl, admin: platform.bootstrapAdmin, log: (message) => console.log(message) });
    } catch (error) {
      if (stopRequested) return;
      console.error(`warning: seeding the demo failed; the platform runs without it: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (stopRequested) return;
  console.log(banner(config, platform, seed));
  console.log(`ready in ${process.uptime().toFixed(1)} s (Ctrl-C to stop)`);
}

if (isMainModule(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
}
