/**
 * `npm run bench:ingest`: starts the platform on its own databases, creates an ISP with 10,000
 * devices and a NOC API key, then POSTs batches of samples through the gateway's REST endpoint
 * (`/api/v1/monitoring/metrics`) with autocannon for BENCH_DURATION_S (60 s by default). Meanwhile a
 * probe device flips between up=0 and up=1 every second, and the delay from each probe sample's
 * timestamp to its live health event (Redis pub/sub with REDIS_URL, else PostgreSQL NOTIFY) is taken.
 * Four alert rules (down, latency, loss, temperature) are evaluated on every batch unless
 * BENCH_ALERT_RULES=0. Prints samples/s sustained, request latency percentiles and the event delays.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import pg from 'pg';
import { fromGlobalId, toGlobalId } from '@dotmac/kernel';
import { startPlatform } from '@dotmac/scripts/index';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 60);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 2);
const BATCH_SIZE = Number(process.env.BENCH_BATCH_SIZE ?? 500);
const DEVICES = 10_000;
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL;
const METRICS = ['up', 'latency_ms', 'loss_percent', 'cpu_percent', 'temperature_c'] as const;

async function graphql(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<any> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** Batches for one connection: its own slice of devices, every health metric per device, healthy values. */
function bodiesForSlice(deviceIds: string[], at: string): string[] {
  const perBatch = Math.max(1, Math.floor(BATCH_SIZE / METRICS.length));
  const bodies: string[] = [];
  for (let start = 0; start < deviceIds.length; start += perBatch) {
    const samples = deviceIds.slice(start, start + perBatch).flatMap((deviceId) => [
      { deviceId, metric: 'up', value: 1, at },
      { deviceId, metric: 'latency_ms', value: 4 + Math.random() * 10, at },
      { deviceId, metric: 'loss_percent', value: 0, at },
      { deviceId, metric: 'cpu_percent', value: 20 + Math.random() * 30, at },
      { deviceId, metric: 'temperature_c', value: 45, at },
    ]);
    bodies.push(JSON.stringify({ samples }));
  }
  return bodies;
}

/** Subscribes to the tenant's health channel; calls `onEvent` with each event and its arrival time. */
async function subscribeHealth(channel: string, networkAppUrl: string, onEvent: (event: any, receivedAt: number) => void): Promise<() => Promise<void>> {
  if (REDIS_URL) {
    const redis = new Redis(REDIS_URL);
    redis.on('message', (_channel, message) => onEvent(JSON.parse(message), Date.now()));
    await redis.subscribe(channel);
    return async () => void redis.disconnect();
  }
  const client = new pg.Client({ connectionString: networkAppUrl });
  await client.connect();
  client.on('notification', (message) => onEvent(JSON.parse(message.payload ?? '{}'), Date.now()));
  await client.query(`listen "${channel}"`);
  return () => client.end();
}

const percentile = (sorted: number[], fraction: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? NaN;

const dataDir = await mkdtemp(path.join(tmpdir(), 'dotmac-bench-ingest-'));
const platform = await startPlatform({
  dataDir,
  databaseUrl: DATABASE_URL,
  redisUrl: REDIS_URL,
  dbPrefix: 'dotmac_bench_ingest',
  gatewayPort: 4760,
  firstSubgraphPort: 4761,
  webPort: false,
  resetDatabases: true,
  logLevel: 'warn',
  inheritedEnv: { TELEMETRY_MAINTENANCE_INTERVAL_MS: '0' },
  log: () => undefined,
});
try {
  const gateway = platform.gatewayUrl;
  const admin = (await graphql(gateway, `mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: platform.bootstrapAdmin })).login.accessToken;
  const tenantId = (await graphql(gateway, `mutation { createTenant(input: { slug: "bench-telemetry", name: "Bench Telemetry ISP" }) { tenant { id } } }`, {}, admin)).createTenant.tenant.id;
  for (const to of ['PROVISIONING', 'ACTIVE']) {
    await graphql(gateway, `mutation($input: TransitionTenantInput!) { transitionTenant(input: $input) { userErrors { code } } }`, { input: { tenantId, to } }, admin);
  }
  const key = (await graphql(gateway, `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret userErrors { message } } }`, { input: { tenantId, name: 'bench', roles: ['NOC'] } }, admin)).createApiKey.secret;
  const tenantRawId = fromGlobalId(tenantId).id;
  // Alert evaluation runs on every stored batch: give it rules on the metrics the bench sends.
  const rules = [
    { name: 'device down', metric: 'UP', operator: 'EQ', threshold: 0, severity: 'CRITICAL' },
    { name: 'high latency', metric: 'LATENCY_MS', operator: 'GT', threshold: 150, consecutiveViolations: 3, severity: 'MAJOR' },
    { name: 'packet loss', metric: 'LOSS_PERCENT', operator: 'GT', threshold: 5, consecutiveViolations: 2, severity: 'MAJOR' },
    { name: 'hot', metric: 'TEMPERATURE_C', operator: 'GTE', threshold: 70, severity: 'WARNING', cooldownSeconds: 300 },
  ];
  if (process.env.BENCH_ALERT_RULES !== '0') {
    for (const rule of rules) {
      const created = await graphql(gateway, `mutation($input: CreateAlertRuleInput!) { createAlertRule(input: $input) { rule { id } userErrors { message } } }`, { input: { tenantId, ...rule } }, admin);
      if (!created.createAlertRule.rule) throw new Error(`alert rule refused: ${JSON.stringify(created.createAlertRule.userErrors)}`);
    }
  }

  const owner = new pg.Client({ connectionString: platform.databases.network!.ownerUrl });
  await owner.connect();
  // Row-level security is forced on the owner too: this session works across tenants.
  await owner.query(`select set_config('app.scope', 'platform', false)`);
  const deviceRows = await owner.query<{ id: string }>(
    `insert into device (id, tenant_id, kind, status, name, created_at, updated_at)
     select gen_random_uuid(), $1, 'cpe', 'active', 'cpe-' || n, now(), now() from generate_series(1, $2) n returning id`,
    [tenantRawId, DEVICES + 1],
  );
  const deviceIds = deviceRows.rows.map((row) => toGlobalId('Device', row.id));
  const probe = deviceIds.pop()!;

  const at = new Date().toISOString();
  const slice = Math.ceil(deviceIds.length / CONNECTIONS);
  const slices = Array.from({ length: CONNECTIONS }, (_, i) => bodiesForSlice(deviceIds.slice(i * slice, (i + 1) * slice), at));
  const samplesPerBody = JSON.parse(slices[0]![0]!).samples.length as number;

  const delays: number[] = [];
  const probeTimes = new Map<string, number>();
  const unsubscribe = await subscribeHealth(`live:${tenantRawId}:device-health`, platform.databases.network!.appUrl, (event, receivedAt) => {
    const sentAt = probeTimes.get(event.at);
    if (event.deviceId === fromGlobalId(probe).id && sentAt !== undefined) delays.push(receivedAt - Date.parse(event.at));
  });
  const metricsUrl = new URL('/api/v1/monitoring/metrics', gateway).toString();
  let probeUp = 0;
  const probing = setInterval(() => {
    const probeAt = new Date();
    probeTimes.set(probeAt.toISOString(), probeAt.getTime());
    probeUp = 1 - probeUp;
    void fetch(metricsUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify({ samples: [{ deviceId: probe, metric: 'up', value: probeUp, at: probeAt.toISOString() }] }),
    }).catch(() => undefined);
  }, 1000);

  let nextSlice = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    autocannon(
      {
        url: metricsUrl,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key, 'x-request-id': `bench-${randomUUID()}` },
        connections: CONNECTIONS,
        duration: DURATION_S,
        setupClient: (client: any) => {
          const bodies = slices[nextSlice++ % slices.length]!;
          let index = 0;
          client.setBody(bodies[0]);
          client.on('response', () => {
            index = (index + 1) % bodies.length;
            client.setBody(bodies[index]);
          });
        },
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
  });
  clearInterval(probing);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  await unsubscribe();
  const stored = await owner.query<{ n: string }>(`select count(*) as n from health_sample`);
  await owner.end();

  const ok = result.requests.total - result.non2xx;
  delays.sort((a, b) => a - b);
  const samplesPerSecond = Math.round((ok * samplesPerBody) / DURATION_S);
  console.log(`DotMac telemetry ingestion benchmark: ${DURATION_S} s, ${CONNECTIONS} connections, ${samplesPerBody} samples per request, ${DEVICES} devices, node ${process.version}`);
  console.log(`live events via ${REDIS_URL ? 'Redis pub/sub' : 'PostgreSQL NOTIFY'}`);
  console.log('\n| measure | value | target |\n|---|---:|---:|');
  console.log(`| samples/s sustained | ${samplesPerSecond} | ≥ 20000 |`);
  console.log(`| requests/s | ${result.requests.average} | |`);
  console.log(`| request latency p50 / p99 (ms) | ${result.latency.p50} / ${result.latency.p99} | p99 < 100 |`);
  console.log(`| non-2xx responses / errors | ${result.non2xx} / ${result.errors} | 0 |`);
  console.log(`| health events received / probe samples | ${delays.length} / ${probeTimes.size} | |`);
  console.log(`| sample → live event delay p50 / max (ms) | ${percentile(delays, 0.5)} / ${delays.at(-1) ?? NaN} | < 1000 |`);
  console.log(`| samples stored | ${stored.rows[0]!.n} | |`);
} finally {
  await platform.stop();
  await rm(dataDir, { recursive: true, force: true });
}
