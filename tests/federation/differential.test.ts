import { FEDERATION_CORPUS, startFederationSubgraphs, type RunningFederation } from '@dotmac/federation';
import type { RunningGateway } from '@dotmac/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execute, startDotmacGateway, startStockGateway, type StartedGateway } from './gateways.js';
import { comparable, dotmacError, stockErrorAsDotmac } from './normalise.js';

/**
 * Stock @apollo/gateway 2.14.4 and DotMac's gateway, over the same four running subgraphs, must
 * answer every corpus operation identically: HTTP status, `data` (byte for byte, key order
 * included) and errors (message, path and code, with DotMac's documented error policy applied to
 * the stock answer: see normalise.ts).
 */
let federation: RunningFederation;
let stock: StartedGateway;
let dotmac: RunningGateway;

beforeAll(async () => {
  federation = await startFederationSubgraphs(0);
  stock = await startStockGateway(federation.supergraphSdl, federation.urls);
  dotmac = await startDotmacGateway(federation.supergraphSdl, federation.subgraphUrls);
});

afterAll(async () => {
  await dotmac?.stop();
  await stock?.stop();
  await federation?.stop();
});

describe('the corpus', () => {
  it('has at least 50 uniquely named operations', () => {
    expect(FEDERATION_CORPUS.length).toBeGreaterThanOrEqual(50);
    expect(new Set(FEDERATION_CORPUS.map(({ name }) => name)).size).toBe(FEDERATION_CORPUS.length);
  });
});

describe('DotMac gateway answers like stock @apollo/gateway', () => {
  it.each(FEDERATION_CORPUS.map((operation) => [operation.name, operation] as const))('%s', async (_name, operation) => {
    const [expected, actual] = await Promise.all([execute(stock.url, operation), execute(dotmac.url, operation)]);
    // Every operation is valid and executed (`data` is there, null only when an error reached a
    // non-null root field), so no case compares two refusals.
    expect(expected.status).toBe(200);
    expect(expected.body).toHaveProperty('data');
    expect(comparable(actual, dotmacError)).toStrictEqual(comparable(expected, stockErrorAsDotmac));
    expect(JSON.stringify(actual.body.data)).toBe(JSON.stringify(expected.body.data));
  });
});

describe('the corpus exercises', () => {
  const answerOf = (name: string) => {
    const operation = FEDERATION_CORPUS.find((candidate) => candidate.name === name);
    if (!operation) throw new Error(`no corpus operation "${name}"`);
    return execute(dotmac.url, operation);
  };

  it('coded subgraph errors as partial data with paths', async () => {
    const { body } = await answerOf('coded error partial data');
    expect(body.errors?.length).toBeGreaterThan(0);
    expect(body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/under moderation/), path: ['latestReviews', expect.any(Number), 'flagged'], extensions: { code: 'FORBIDDEN' } });
    expect((body.data as { latestReviews: unknown[] }).latestReviews).toHaveLength(15);
  });

  it('uncoded subgraph errors, masked', async () => {
    const { body } = await answerOf('uncoded error masked');
    expect(body.errors?.[0]?.extensions?.code).toBe('INTERNAL');
    expect(JSON.stringify(body)).not.toContain('sentiment model failed');
  });

  it('@requires across three subgraphs', async () => {
    const { body } = await answerOf('shipping through reviews');
    const estimates = (body.data as { latestReviews: { product: { shippingEstimate: number } }[] }).latestReviews.map(({ product }) => product.shippingEstimate);
    expect(estimates.some((estimate) => estimate > 0)).toBe(true);
  });
});
