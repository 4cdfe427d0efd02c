import { startFederationSubgraphs, type RunningFederation } from '@dotmac/federation';
import type { RunningGateway } from '@dotmac/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultMode, type FaultProxy } from './fault-proxy.js';
import { execute, startDotmacGateway, type GraphQLAnswer } from './gateways.js';

/**
 * The inventory subgraph sits behind a proxy that fails on demand. DotMac's gateway (subgraph
 * timeout 500 ms) must keep answering quickly with the other subgraphs' data, an INTERNAL error for
 * the inventory part, and full answers again once inventory recovers.
 */
const TIMEOUT_MS = 500;
const STOCK_QUERY = { query: '{ topProducts(first: 3) { upc name stockLevel } }' };
const HEALTHY = {
  topProducts: [
    { upc: 'p1', name: 'Chair 1', stockLevel: 17 },
    { upc: 'p2', name: 'Book 2', stockLevel: 34 },
    { upc: 'p3', name: 'Chair 3', stockLevel: 51 },
  ],
};
const DEGRADED = { topProducts: HEALTHY.topProducts.map((product) => ({ ...product, stockLevel: null })) };

let federation: RunningFederation;
let proxy: FaultProxy;
let gateway: RunningGateway;

beforeAll(async () => {
  federation = await startFederationSubgraphs(0);
  proxy = await startFaultProxy(federation.urls.inventory, TIMEOUT_MS * 6);
  const subgraphUrls = federation.subgraphUrls.replace(federation.urls.inventory, proxy.url);
  gateway = await startDotmacGateway(federation.supergraphSdl, subgraphUrls, { SUBGRAPH_TIMEOUT_MS: String(TIMEOUT_MS) });
});

afterAll(async () => {
  await gateway?.stop();
  await proxy?.stop();
  await federation?.stop();
});

function expectDegraded(answer: GraphQLAnswer, withinMs: number) {
  expect(answer.status).toBe(200);
  expect(answer.body.data).toEqual(DEGRADED);
  expect(answer.body.errors).toHaveLength(1);
  const [error] = answer.body.errors ?? [];
  expect(error.extensions?.code).toBe('INTERNAL');
  expect(error.message).toMatch(/^Internal error \(correlation id [0-9a-f-]+\)$/);
  expect(JSON.stringify(answer.body)).not.toMatch(/inventory|upstream exploded|not json/);
  expect(answer.ms).toBeLessThan(withinMs);
}

async function expectRecovery() {
  await proxy.setMode('pass');
  const answer = await execute(gateway.url, STOCK_QUERY);
  expect(answer.body).toEqual({ data: HEALTHY });
}

describe.each<[FaultMode, number]>([
  ['down', 1000],
  ['slow', TIMEOUT_MS + 1000],
  ['garbage', 1000],
  ['http500', 1000],
])('inventory %s', (mode, withinMs) => {
  it('answers quickly with the other subgraphs’ data and an INTERNAL error, then recovers', async () => {
    expect((await execute(gateway.url, STOCK_QUERY)).body).toEqual({ data: HEALTHY });
    await proxy.setMode(mode);
    expectDegraded(await execute(gateway.url, STOCK_QUERY), withinMs);
    // Fields that do not need inventory are not affected at all.
    expect((await execute(gateway.url, { query: '{ me { name reviews { id } } }' })).body.errors).toBeUndefined();
    await expectRecovery();
  });
});

describe('inventory failures under concurrent load', () => {
  it('do not pile up: ten slow calls all end near the timeout', async () => {
    await proxy.setMode('slow');
    const started = performance.now();
    const answers = await Promise.all(Array.from({ length: 10 }, () => execute(gateway.url, STOCK_QUERY)));
    for (const answer of answers) expectDegraded(answer, TIMEOUT_MS + 1500);
    expect(performance.now() - started).toBeLessThan(TIMEOUT_MS + 1500);
    await expectRecovery();
  });
});
