/**
 * `npm run bench:federation`: stock @apollo/gateway, Hive Gateway and DotMac's gateway side by side
 * on the same four fixture subgraphs (accounts, products, inventory, reviews; deterministic data),
 * each subgraph and each gateway in its own process.
 *
 * For each query (a nested four-subgraph query of tens of KB and a single-subgraph query) and each
 * concurrency (10 and 50 connections) the gateways are loaded in turn, A, B, C, D, A, B, C, D; the
 * single-subgraph query also runs directly against its subgraph as the limit. Before loading, every
 * gateway's answer is compared with stock's. Prints requests/s, p50/p99, peak memory per gateway
 * and the ratios to stock, and writes them to docs/BENCHMARKS.md.
 *
 * Environment: BENCH_DURATION_S (default 10 per run), BENCH_ROUNDS (2), BENCH_CONNECTIONS ("10,50"),
 * BENCH_GATEWAYS (default all: "stock,hive,dotmac,dotmac-unshared"), BENCH_WRITE_DOCS (default 1).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { composeFederationSupergraph, FEDERATION_SUBGRAPHS } from '@dotmac/federation';
import { GATEWAYS, REPO_ROOT, type GatewayUnderTest } from './federation/gateways.js';
import { NESTED_QUERY, SINGLE_QUERY, type BenchQuery } from './federation/queries.js';
import { renderReport, writeReportToDocs, type Measurement } from './federation/report.js';
import { load } from './support/load.js';
import { startProcess, type RunningProcess } from './support/processes.js';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '10,50').split(',').map(Number);
const SELECTED = (process.env.BENCH_GATEWAYS ?? 'stock,hive,dotmac,dotmac-unshared').split(',');
const WRITE_DOCS = process.env.BENCH_WRITE_DOCS !== '0';
const SUBGRAPH_BASE_PORT = 4801;
const WARMUP_S = 3;

async function post(url: string, query: string): Promise<{ text: string; status: number }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return { text: await response.text(), status: response.status };
}

const workDir = await mkdtemp(path.join(tmpdir(), 'dotmac-bench-federation-'));
const processes: RunningProcess[] = [];
try {
  const urls: Record<string, string> = {};
  for (const [offset, { name }] of FEDERATION_SUBGRAPHS.entries()) {
    const port = SUBGRAPH_BASE_PORT + offset;
    processes.push(await startProcess('node', [path.join(REPO_ROOT, 'federation/dist/main.js'), '--subgraph', name, '--port', String(port)], /^ready /m));
    urls[name] = `http://127.0.0.1:${port}/`;
  }
  const supergraphPath = path.join(workDir, 'supergraph.graphql');
  await writeFile(supergraphPath, composeFederationSupergraph(urls));

  const gateways: { gateway: GatewayUnderTest; process: RunningProcess; url: string }[] = [];
  for (const [index, gateway] of GATEWAYS.filter(({ key }) => SELECTED.includes(key)).entries()) {
    await gateway.prepare?.();
    const port = SUBGRAPH_BASE_PORT + 10 + index;
    const { command, args, ready, env } = gateway.command({ supergraphPath, port, subgraphUrls: urls });
    const running = await startProcess(command, args, ready, { cwd: workDir, env });
    processes.push(running);
    gateways.push({ gateway, process: running, url: `http://127.0.0.1:${port}/graphql` });
  }

  const measurements: Measurement[] = [];
  const answers: Record<string, string> = {};
  for (const query of [NESTED_QUERY, SINGLE_QUERY] satisfies BenchQuery[]) {
    // Same answers first: every gateway against the first one (stock when it runs).
    const expected = await post(gateways[0]!.url, query.query);
    answers[query.key] = `${(expected.text.length / 1024).toFixed(1)} KB`;
    for (const { gateway, url } of gateways) {
      const actual = await post(url, query.query);
      const same = actual.status === expected.status && JSON.stringify(JSON.parse(actual.text)) === JSON.stringify(JSON.parse(expected.text));
      if (!same) throw new Error(`${gateway.title} answers "${query.title}" differently from ${gateways[0]!.gateway.title}:\n${actual.text.slice(0, 500)}`);
      if (expected.text.includes('"errors"')) throw new Error(`"${query.title}" has errors: ${expected.text.slice(0, 500)}`);
      await load({ name: 'warm-up', url, body: JSON.stringify({ query: query.query }), connections: 10, durationSeconds: WARMUP_S });
    }
    const body = JSON.stringify({ query: query.query });
    for (const connections of CONNECTIONS) {
      for (let round = 1; round <= ROUNDS; round += 1) {
        for (const { gateway, url } of gateways) {
          const result = await load({ name: gateway.title, url, body, connections, durationSeconds: DURATION_S });
          measurements.push({ query: query.key, gateway: gateway.key, connections, round, result });
          console.log(`${query.title}, ${connections} connections, round ${round}: ${gateway.title} ${result.rps} req/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, errors ${result.errors}`);
        }
      }
      if (query.subgraph) {
        const result = await load({ name: 'direct', url: urls[query.subgraph]!, body, connections, durationSeconds: DURATION_S });
        measurements.push({ query: query.key, gateway: 'direct', connections, round: 1, result });
        console.log(`${query.title}, ${connections} connections: direct to ${query.subgraph} ${result.rps} req/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms`);
      }
    }
  }
  const memory = Object.fromEntries(await Promise.all(gateways.map(async ({ gateway, process }) => [gateway.key, await process.peakRssMb()] as const)));
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT }).toString().trim();
  const report = renderReport({
    measurements,
    memory,
    gateways: gateways.map(({ gateway }) => gateway),
    queries: [NESTED_QUERY, SINGLE_QUERY],
    answers,
    context: { date: new Date().toISOString().slice(0, 10), commit, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '?', node: process.version, durationSeconds: DURATION_S, rounds: ROUNDS },
  });
  console.log(`\n${report}`);
  if (WRITE_DOCS && existsSync(path.join(REPO_ROOT, 'docs/BENCHMARKS.md'))) {
    await writeReportToDocs(path.join(REPO_ROOT, 'docs/BENCHMARKS.md'), report);
    console.log('written to docs/BENCHMARKS.md');
  }
} finally {
  for (const running of processes.reverse()) await running.stop().catch(() => undefined);
  await rm(workDir, { recursive: true, force: true });
}
