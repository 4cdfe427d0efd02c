/**
 * `npm run bench:gateway`: starts the platform on its own databases, then loads it with autocannon
 * for a fixed time at fixed concurrency:
 *   (a) a query that stays in the tenants subgraph, through the gateway and directly to the subgraph;
 *   (b) 50 tenants with their subscriberCount (tenants + customers subgraphs).
 * Prints requests/s, p50/p99 latency and the gateway's resident memory.
 */
import { readdir, readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fromGlobalId, signInternalContext } from '@dotmac/kernel';
import { startPlatform } from '@dotmac/scripts/index';
import { load, type LoadResult } from './support/load.js';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 20);
/** Concurrency of the throughput runs; the latency runs of (a) use one connection. */
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL;

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<any> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return response.json();
}

async function processRssMb(commandFragment: string): Promise<number | undefined> {
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (!cmdline.includes(commandFragment)) continue;
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Math.round(kb / 1024);
  }
  return undefined;
}

/** One run of (a) or (b) at `connections` (default CONNECTIONS). */
function loadRow(name: string, url: string, body: string, headers: Record<string, string>, connections = CONNECTIONS): Promise<LoadResult> {
  return load({ name, url, body, headers, connections, durationSeconds: DURATION_S });
}

const dataDir = await mkdtemp(path.join(tmpdir(), 'dotmac-bench-'));
const platform = await startPlatform({
  dataDir,
  databaseUrl: DATABASE_URL,
  redisUrl: REDIS_URL,
  dbPrefix: 'dotmac_bench',
  gatewayPort: 4700,
  firstSubgraphPort: 4701,
  webPort: false,
  resetDatabases: true,
  logLevel: 'warn',
  log: () => undefined,
});
try {
  const admin = platform.bootstrapAdmin;
  const login = await post(platform.gatewayUrl, {
    query: `mutation($i: LoginInput!) { login(input: $i) { accessToken user { id } } }`,
    variables: { i: admin },
  });
  const token: string = login.data.login.accessToken;
  const auth = { authorization: `Bearer ${token}` };
  for (let start = 0; start < 50; start += 25) {
    const fields = Array.from({ length: 25 }, (_, i) => `t${i}: createTenant(input: { slug: "bench-${start + i}", name: "Bench ISP ${start + i}" }) { tenant { id } }`);
    await post(platform.gatewayUrl, { query: `mutation { ${fields.join(' ')} }` }, auth);
  }

  const single = JSON.stringify({ query: `{ tenants(first: 10) { edges { node { id name slug status planTier } } } }` });
  const fifty = JSON.stringify({ query: `{ tenants(first: 50) { totalCount edges { node { id name subscriberCount } } } }` });
  const userId = fromGlobalId(login.data.login.user.id).id;
  const viewer = { kind: 'user' as const, id: userId, roles: ['platform_admin'] as never, clientIp: '127.0.0.1' };
  // The signed context is valid for 60 s; one signature covers a run.
  const signed = () => ({ 'x-dotmac-context': signInternalContext({ viewer, requestId: 'bench' }, platform.secrets.internalSigningKey) });

  console.log(`DotMac gateway benchmark: ${DURATION_S} s per run, ${CONNECTIONS} connections, node ${process.version}`);
  const rows: LoadResult[] = [];
  const direct = 'direct to the tenants subgraph';
  const viaGateway = 'through the gateway';
  rows.push(await loadRow(`(a) one-subgraph query, ${direct}`, platform.subgraphUrls.tenants!, single, signed(), 1));
  rows.push(await loadRow(`(a) one-subgraph query, ${viaGateway}`, platform.gatewayUrl, single, auth, 1));
  rows.push(await loadRow(`(a) one-subgraph query, ${direct}`, platform.subgraphUrls.tenants!, single, signed()));
  rows.push(await loadRow(`(a) one-subgraph query, ${viaGateway}`, platform.gatewayUrl, single, auth));
  rows.push(await loadRow('(b) 50 tenants with subscriberCount, through the gateway', platform.gatewayUrl, fifty, auth));
  const memory = await processRssMb('gateway/dist/main.js');

  const ms = (value: number) => value.toFixed(2);
  console.log('\n| run | connections | req/s | p50 ms | p99 ms | errors |\n|---|---:|---:|---:|---:|---:|');
  for (const row of rows) console.log(`| ${row.name} | ${row.connections} | ${row.rps} | ${ms(row.p50)} | ${ms(row.p99)} | ${row.errors} |`);
  console.log(`\ngateway overhead at p50 for (a), 1 connection: ${ms(rows[1]!.p50 - rows[0]!.p50)} ms (target < 1.5 ms)`);
  console.log(`gateway overhead at p50 for (a), ${CONNECTIONS} connections: ${ms(rows[3]!.p50 - rows[2]!.p50)} ms`);
  console.log(`gateway resident memory after the runs: ${memory ?? '?'} MB`);
} finally {
  await platform.stop();
  await rm(dataDir, { recursive: true, force: true });
}
