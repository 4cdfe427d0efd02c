import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** Ports of the launched platform; TEST_PORT_BASE shifts them with the rest of the suite. */
const SHIFT = Number(process.env.TEST_PORT_BASE ?? 4600) - 4600;
const GATEWAY_PORT = 4650 + SHIFT;
const GATEWAY = `http://127.0.0.1:${GATEWAY_PORT}/graphql`;

/** Runs the launcher exactly as `npm start` does after building, on embedded PostgreSQL, without Redis. */
function launch(dataDir: string): { child: ChildProcess; output: () => string; ready: Promise<void> } {
  const child = spawn(process.execPath, ['scripts/dist/start.js'], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DOTMAC_DATA_DIR: dataDir,
      GATEWAY_PORT: String(GATEWAY_PORT),
      SUBGRAPH_PORT: String(GATEWAY_PORT + 1),
      WEB_PORT: String(4660 + SHIFT),
      EMBEDDED_PG_PORT: String(54349 + SHIFT),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      if (/ready in [\d.]+ s/.test(text)) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`launcher exited with ${code}:\n${text}`)));
  });
  return { child, output: () => text, ready };
}

async function stop(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGINT');
  return exited;
}

/** Processes whose command line or environment mentions the data dir (services, PostgreSQL). */
async function processesUsing(dataDir: string): Promise<string[]> {
  const found: string[] = [];
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid) || Number(pid) === process.pid) continue;
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    const environ = await readFile(`/proc/${pid}/environ`, 'utf8').catch(() => '');
    if (cmdline.includes(dataDir) || environ.includes(dataDir) || cmdline.includes(String(54349 + SHIFT)) || environ.includes(`:${54349 + SHIFT}/`)) found.push(`${pid} ${cmdline.replace(/\0/g, ' ')}`);
  }
  return found;
}

async function login(email: string): Promise<string> {
  const response = await fetch(GATEWAY, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, variables: { i: { email, password: 'DotMac-demo-2026!' } } }),
  });
  return ((await response.json()) as any).data.login.accessToken;
}

async function query(token: string, text: string): Promise<any> {
  const response = await fetch(GATEWAY, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: text }) });
  return ((await response.json()) as any).data;
}

describe('npm start on embedded defaults (no DATABASE_URL, no REDIS_URL)', () => {
  let dataDir: string;
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('starts, seeds the demo, answers a cross-subgraph query, stops cleanly, and keeps its data', { timeout: 180_000 }, async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'dotmac-start-'));
    await chmod(dataDir, 0o755); // embedded PostgreSQL runs as the postgres user
    const first = launch(dataDir);
    await first.ready;
    expect(first.output()).toContain(`GraphQL gateway  ${GATEWAY}`);
    expect(first.output()).toContain('admin@dotmac.local / DotMac-demo-2026!');
    expect((await fetch(`http://127.0.0.1:${4660 + SHIFT}/`)).status).toBe(200);

    const admin = await login('admin@dotmac.local');
    const tenants = await query(admin, `{ tenants(orderBy: { field: NAME, direction: ASC }) { edges { node { slug subscriberCount } } } }`);
    expect(tenants.tenants.edges).toEqual([
      { node: { slug: 'alpha-fiber', subscriberCount: 250 } },
      { node: { slug: 'beta-wireless', subscriberCount: 120 } },
    ]);
    // Without Redis, the customers subgraph's audit records reach the tenants subgraph through the events database.
    const ispAdmin = await login('admin@alpha-fiber.example');
    let audited = 0;
    for (let attempt = 0; attempt < 50 && audited < 250; attempt += 1) {
      audited = (await query(ispAdmin, `{ auditLog(filter: { service: "customers" }) { totalCount } }`)).auditLog.totalCount;
      if (audited < 250) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(audited).toBeGreaterThanOrEqual(250);
    // The demo ISPs bill: every active subscriber is subscribed and has been invoiced up to today.
    const runs = await query(ispAdmin, `{ billingRuns(first: 1) { edges { node { status invoicesIssued } } } }`);
    expect(runs.billingRuns.edges[0].node.status).toBe('COMPLETED');
    expect(runs.billingRuns.edges[0].node.invoicesIssued).toBeGreaterThan(0);
    // The demo ISPs have a network: sites, a topology with customer equipment, a pool with allocations.
    const network = await query(ispAdmin, `{ sites { totalCount } devices(filter: { kind: [ONU, CPE] }) { totalCount edges { node { subscriber { id } parent { name } } } }
      ipPools(filter: { search: "Static" }) { edges { node { allocatedCount prefix { prefix parent { prefix } } } } } }`);
    expect(network.sites.totalCount).toBe(2);
    expect(network.devices.totalCount).toBe(4);
    expect(network.devices.edges.every((edge: any) => edge.node.subscriber && edge.node.parent)).toBe(true);
    expect(network.ipPools.edges[0].node).toEqual({ allocatedCount: 4, prefix: { prefix: '100.64.1.0/24', parent: { prefix: '100.64.0.0/22' } } });

    expect(await stop(first.child)).toBe(130); // the conventional exit code after Ctrl-C
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await processesUsing(dataDir)).toEqual([]);

    const second = launch(dataDir);
    await second.ready;
    expect(second.output()).not.toMatch(/seeded Alpha Fiber/);
    const again = await query(await login('admin@dotmac.local'), `{ tenants { totalCount } }`);
    expect(again.tenants.totalCount).toBe(2);
    expect(await stop(second.child)).toBe(130);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await processesUsing(dataDir)).toEqual([]);
  });
});
