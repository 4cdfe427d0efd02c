import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { QueryPlanner } from '@apollo/query-planner';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { pino } from 'pino';
// The built gateway, as the platform runs it: Node loads it with the one `graphql` instance that
// @apollo/gateway uses, which vite-transformed sources would not share.
import { readGatewayConfig, startGateway, type RunningGateway } from '@dotmac/gateway';
import { SIGNING_KEY, startToySubgraphs, TOKENS, type ToySubgraphs } from './testing/toy-subgraphs.fixture.js';

let subgraphs: ToySubgraphs;
let gateway: RunningGateway;
const logger = pino({ level: process.env.GATEWAY_TEST_LOG ?? 'silent' });

beforeAll(async () => {
  subgraphs = await startToySubgraphs();
  const config = readGatewayConfig({ INTERNAL_SIGNING_KEY: SIGNING_KEY, PORT: '0', SUBGRAPH_URLS: subgraphs.subgraphUrls });
  gateway = await startGateway(config, { supergraphSdl: subgraphs.supergraphSdl, logger });
});

afterAll(async () => {
  await gateway?.stop();
  await subgraphs?.stop();
});

async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any>, requestId: response.headers.get('x-request-id') };
}

describe('viewer', () => {
  it('signs an anonymous viewer with the client IP and the request id into subgraph calls', async () => {
    const { body, requestId } = await post({ query: '{ whoami { kind clientIp requestId } }' }, { 'x-request-id': 'req-42' });
    expect(body).toEqual({ data: { whoami: { kind: 'anonymous', clientIp: '127.0.0.1', requestId: 'req-42' } } });
    expect(requestId).toBe('req-42');
  });

  it('resolves a bearer token once for concurrent requests', async () => {
    const before = subgraphs.calls.authLookups;
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => post({ query: '{ whoami { kind id } }' }, { authorization: `Bearer ${TOKENS.user}` })),
    );
    expect(answers.every(({ body }) => body.data?.whoami.kind === 'user')).toBe(true);
    expect(subgraphs.calls.authLookups - before).toBe(1);
  });

  it('resolves an API key', async () => {
    const { body } = await post({ query: '{ whoami { kind } }' }, { 'x-api-key': TOKENS.apiKey });
    expect(body.data).toEqual({ whoami: { kind: 'api_key' } });
  });

  it('answers a refused token with 401 UNAUTHENTICATED before any subgraph operation', async () => {
    const before = subgraphs.calls.subgraphOperations;
    const { status, body } = await post({ query: '{ whoami { kind } }' }, { authorization: 'Bearer forged' });
    expect(status).toBe(401);
    expect(body).toEqual({ errors: [{ message: 'Invalid or expired access token', extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(subgraphs.calls.subgraphOperations).toBe(before);
  });
});

describe('errors from subgraphs', () => {
  it('keep their DotMac code and message, without naming the subgraph', async () => {
    const forbidden = await post({ query: '{ adminOnly }' });
    expect(forbidden.body.errors).toEqual([
      { message: 'Requires one of the roles: platform_admin', path: ['adminOnly'], extensions: { code: 'FORBIDDEN' } },
    ]);
    const missing = await post({ query: '{ missing }' });
    expect(missing.body.errors[0]).toMatchObject({ message: 'Customer c9 not found', extensions: { code: 'NOT_FOUND' } });
  });

  it('stay masked as INTERNAL with the correlation id the subgraph logged', async () => {
    const { body } = await post({ query: '{ boom }' });
    const [error] = body.errors;
    expect(error.extensions.code).toBe('INTERNAL');
    expect(error.message).toBe(`Internal error (correlation id ${error.extensions.correlationId})`);
    expect(JSON.stringify(body)).not.toContain('database exploded');
  });

  it('joins entities across subgraphs', async () => {
    const { body } = await post({ query: '{ customers(first: 1) { edges { node { name tenant { name } } } } }' });
    expect(body.data).toEqual({ customers: { edges: [{ node: { name: 'Customer 0', tenant: { name: 'Acme ISP' } } }] } });
  });

  it('serves automatic persisted queries: a known hash stands for its document', async () => {
    const query = '{ customers(first: 2) { edges { node { id } } } }';
    const persistedQuery = { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') };
    const unknown = await post({ extensions: { persistedQuery } });
    expect(unknown.body.errors[0]).toMatchObject({ message: 'PersistedQueryNotFound' });
    const registered = await post({ query, extensions: { persistedQuery } });
    expect(registered.body.data.customers.edges).toHaveLength(2);
    const byHash = await post({ extensions: { persistedQuery } });
    expect(byHash.body).toEqual(registered.body);
  });

  it('asks a subgraph for each distinct entity once, answering every place that refers to it', async () => {
    const before = subgraphs.calls.tenantReferences;
    const { body } = await post({ query: '{ customers(first: 6) { edges { node { name tenant { id name } } } } }' });
    expect(body.data.customers.edges).toHaveLength(6);
    expect(body.data.customers.edges.every((edge: any) => edge.node.tenant.name === 'Acme ISP' && edge.node.tenant.id === 't1')).toBe(true);
    expect(subgraphs.calls.tenantReferences - before).toBe(1);
  });
});

describe('operation preparation', () => {
  it('reads and plans an operation once, then reuses it for every request with the same text and name', async () => {
    const planned = vi.spyOn(QueryPlanner.prototype, 'buildQueryPlan');
    try {
      const query = 'query Tenants($n: Int) { customers(first: $n) { edges { node { id tenant { name } } } } } query Other { whoami { kind } }';
      for (const n of [1, 2, 3]) expect((await post({ query, variables: { n }, operationName: 'Tenants' })).body.data.customers.edges).toHaveLength(n);
      expect(planned).toHaveBeenCalledTimes(1);
      expect((await post({ query, operationName: 'Other' })).body.data.whoami.kind).toBe('anonymous');
      expect(planned).toHaveBeenCalledTimes(2);
    } finally {
      planned.mockRestore();
    }
  });
});

describe('response compression', () => {
  const raw = (acceptEncoding: string | undefined) =>
    new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
      const body = JSON.stringify({ query: '{ customers(first: 60) { edges { node { id name } } } }' });
      const headers: Record<string, string> = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) };
      if (acceptEncoding) headers['accept-encoding'] = acceptEncoding;
      const request = httpRequest(gateway.url, { method: 'POST', headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ encoding: response.headers['content-encoding'], body: Buffer.concat(chunks) }));
      });
      request.on('error', reject);
      request.end(body);
    });

  it('compresses large answers for clients that accept gzip, and only for them', async () => {
    const compressed = await raw('gzip');
    expect(compressed.encoding).toBe('gzip');
    const answer = JSON.parse(gunzipSync(compressed.body).toString()) as { data: { customers: { edges: unknown[] } } };
    expect(answer.data.customers.edges).toHaveLength(60);
    const plain = await raw(undefined);
    expect(plain.encoding).toBeUndefined();
    expect(JSON.parse(plain.body.toString())).toEqual(answer);
    expect(compressed.body.length).toBeLessThan(plain.body.length / 3);
  });
});

describe('identical subgraph queries in flight', () => {
  const concurrently = (count: number, body: unknown, headers: Record<string, string> = {}) =>
    Promise.all(Array.from({ length: count }, () => post(body, headers)));

  it('share one subgraph call and all get its answer', async () => {
    const before = subgraphs.calls.slowRuns;
    const answers = await concurrently(5, { query: '{ slow(ms: 150) }' });
    expect(subgraphs.calls.slowRuns - before).toBe(1);
    expect(new Set(answers.map(({ body }) => JSON.stringify(body))).size).toBe(1);
    expect(answers[0]!.body).toEqual({ data: { slow: before + 1 } });
    // Nothing is kept once the call is answered.
    await post({ query: '{ slow(ms: 1) }' });
    await post({ query: '{ slow(ms: 1) }' });
    expect(subgraphs.calls.slowRuns - before).toBe(3);
  });

  it('are not shared between viewers', async () => {
    const before = subgraphs.calls.slowRuns;
    await Promise.all([concurrently(3, { query: '{ slow(ms: 150) }' }), concurrently(3, { query: '{ slow(ms: 150) }' }, { authorization: `Bearer ${TOKENS.user}` })]);
    expect(subgraphs.calls.slowRuns - before).toBe(2);
  });

  it('never share mutations', async () => {
    const before = subgraphs.calls.bumps;
    const answers = await concurrently(4, { query: 'mutation { bump(ms: 100) }' });
    expect(subgraphs.calls.bumps - before).toBe(4);
    expect(new Set(answers.map(({ body }) => body.data.bump)).size).toBe(4);
  });

  it('are each sent when SUBGRAPH_SHARE_IN_FLIGHT=false', async () => {
    const config = readGatewayConfig({ INTERNAL_SIGNING_KEY: SIGNING_KEY, PORT: '0', SUBGRAPH_URLS: subgraphs.subgraphUrls, SUBGRAPH_SHARE_IN_FLIGHT: 'false' });
    const unshared = await startGateway(config, { supergraphSdl: subgraphs.supergraphSdl, logger });
    try {
      const before = subgraphs.calls.slowRuns;
      await Promise.all(
        Array.from({ length: 4 }, () => fetch(unshared.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ slow(ms: 100) }' }) })),
      );
      expect(subgraphs.calls.slowRuns - before).toBe(4);
    } finally {
      await unshared.stop();
    }
  });
});

describe('operation limits', () => {
  const nested = (levels: number) =>
    `{ customers(first: 1) { edges { node { ${'friends(first: 1) { edges { node { '.repeat(levels)}id${' } } }'.repeat(levels)} } } } }`;

  it('refuses a deep operation with a coded 400 naming the limit', async () => {
    const { status, body } = await post({ query: nested(13) });
    expect(status).toBe(400);
    expect(body.errors[0]).toMatchObject({ message: 'Query depth 43 exceeds the limit of 12', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('prices pages from the variables of each request', async () => {
    const query = 'query Q($n: Int) { customers(first: $n) { edges { node { friends(first: $n) { edges { node { id } } } } } } }';
    expect((await post({ query, variables: { n: 5 } })).status).toBe(200);
    const refused = await post({ query, variables: { n: 100 } });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0]).toMatchObject({ message: 'Query cost 30301 exceeds the limit of 10000', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('refuses oversized operations and batches before parsing', async () => {
    const large = await post({ query: `{ whoami { kind ${' '.repeat(20_001)}} }` });
    expect(large.status).toBe(413);
    expect(large.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const batch = await post([{ query: '{ whoami { kind } }' }, { query: '{ whoami { kind } }' }]);
    expect(batch.status).toBe(400);
  });

  it('refuses bodies over MAX_BODY_BYTES and bodies that are not JSON, with coded errors', async () => {
    const huge = await post({ query: '{ whoami { kind } }', variables: { pad: 'x'.repeat(8 * 1024 * 1024) } });
    expect(huge.status).toBe(413);
    expect(huge.body.errors[0]).toMatchObject({ message: 'Request body exceeds the limit of 8388608 bytes', extensions: { code: 'BAD_USER_INPUT' } });
    const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{ "query": ' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_USER_INPUT' } }] });
  });
});

describe('HTTP', () => {
  it('answers POST and GET alike, with CORS headers and the request id exposed', async () => {
    const posted = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://portal.example' }, body: JSON.stringify({ query: '{ whoami { kind } }' }) });
    const got = await fetch(`${gateway.url}?query=${encodeURIComponent('{ whoami { kind } }')}`, { headers: { origin: 'https://portal.example', 'apollo-require-preflight': 'true' } });
    for (const response of [posted, got]) {
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ data: { whoami: { kind: 'anonymous' } } });
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.headers.get('access-control-expose-headers')).toBe('x-request-id');
      expect(response.headers.get('x-request-id')).toBeTruthy();
    }
  });
});

describe('health', () => {
  it('is ok when every subgraph is', async () => {
    const response = await fetch(new URL('/health', gateway.url));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', subgraphs: { tenants: 'ok', customers: 'ok' } });
  });

  it('names the subgraph that is down, whose fields then fail as INTERNAL', async () => {
    const tenantsUrl = subgraphs.subgraphUrls.split(',')[0];
    const config = readGatewayConfig({
      INTERNAL_SIGNING_KEY: SIGNING_KEY,
      PORT: '0',
      SUBGRAPH_URLS: `${tenantsUrl},customers=http://127.0.0.1:9/graphql`,
    });
    const degraded = await startGateway(config, { supergraphSdl: subgraphs.supergraphSdl, logger });
    try {
      const response = await fetch(new URL('/health', degraded.url));
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'unavailable', subgraphs: { tenants: 'ok', customers: 'unreachable' } });
      const answer = await fetch(degraded.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ customers { edges { node { id } } } }' }),
      });
      const body = (await answer.json()) as { errors: { extensions: { code: string } }[] };
      expect(body.errors[0].extensions.code).toBe('INTERNAL');
    } finally {
      await degraded.stop();
    }
  });
});
