import { describe, expect, it } from 'vitest';
import { signInternalContext } from '@dotmac/kernel';
import { codeOf, dataOf, gql } from '../support/client.js';
import { createIsp, platformAdmin } from '../support/fixtures.js';
import { platform } from '../support/platform-context.js';

describe('the gateway is the only way in', () => {
  it('a direct subgraph call without the signed context is refused', async () => {
    for (const url of Object.values(platform().subgraphUrls)) {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
      expect(response.status).toBe(401);
      expect(((await response.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('a forged or stale context header is refused', async () => {
    const viewer = { kind: 'user', id: '00000000-0000-4000-8000-000000000000', roles: ['platform_admin'] };
    const forged = signInternalContext({ viewer: viewer as never, requestId: 'x' }, 'not-the-signing-key-at-all');
    const stale = signInternalContext({ viewer: viewer as never, requestId: 'x' }, platform().internalSigningKey, Date.now() - 10 * 60_000);
    const good = signInternalContext({ viewer: viewer as never, requestId: 'x' }, platform().internalSigningKey);
    const [signedPayload, signature] = good.split('.');
    const claimed = JSON.parse(Buffer.from(signedPayload!, 'base64url').toString());
    const tampered = `${Buffer.from(JSON.stringify({ ...claimed, viewer: { ...viewer, tenantId: '00000000-0000-4000-8000-000000000001' } })).toString('base64url')}.${signature}`;
    const accepted = await fetch(platform().subgraphUrls.tenants!, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dotmac-context': good },
      body: JSON.stringify({ query: '{ tenants { totalCount } }' }),
    });
    expect(accepted.status).toBe(200);
    for (const header of [forged, stale, tampered, 'garbage']) {
      const response = await fetch(platform().subgraphUrls.tenants!, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-dotmac-context': header },
        body: JSON.stringify({ query: '{ tenants { totalCount } }' }),
      });
      expect(response.status).toBe(401);
    }
  });

  it('/health reports ready with every subgraph', async () => {
    const response = await fetch(new URL('/health', platform().gatewayUrl));
    expect(response.status).toBe(200);
    const body = (await response.json()) as any;
    expect(body.status).toBe('ok');
    expect(Object.keys(body.subgraphs).sort()).toEqual(['billing', 'customers', 'network', 'tenants']);
  });
});

describe('one query across two subgraphs', () => {
  it('lists tenants (tenants subgraph) with their subscriber counts (customers subgraph)', async () => {
    const isp = await createIsp('cross');
    await gql(`mutation { createSubscriber(input: { name: "Cross One" }) { userErrors { code } } }`, {}, { token: isp.admin.accessToken });
    const admin = await platformAdmin();
    const data = dataOf(
      await gql(`query($s: String) { tenants(filter: { search: $s }) { edges { node { slug status subscriberCount subscribers(first: 1) { edges { node { name tenant { slug } } } } } } } }`, { s: isp.slug }, { token: admin.accessToken }),
    );
    expect(data.tenants.edges).toEqual([
      { node: { slug: isp.slug, status: 'ACTIVE', subscriberCount: 1, subscribers: { edges: [{ node: { name: 'Cross One', tenant: { slug: isp.slug } } }] } } },
    ]);
  });
});

describe('operation limits', () => {
  const timed = async (query: string, variables = {}) => {
    const started = performance.now();
    const response = await gql(query, variables, { token: (await platformAdmin()).accessToken });
    return { response, ms: performance.now() - started };
  };

  it('refuses a deep query quickly with a coded error', async () => {
    let query = 'id';
    for (let i = 0; i < 40; i += 1) query = `node(id: "x") { ... on Tenant { ${query} } }`;
    const { response, ms } = await timed(`{ ${query} }`);
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(/depth/i);
    expect(ms).toBeLessThan(1000);
  });

  it('refuses alias floods, oversize documents and expensive lists', async () => {
    const aliases = Array.from({ length: 500 }, (_, i) => `a${i}: me { id }`).join(' ');
    const flood = await timed(`{ ${aliases} }`);
    expect(codeOf(flood.response)).toBe('BAD_USER_INPUT');
    expect(flood.ms).toBeLessThan(1000);

    const huge = await timed(`{ me { id } } # ${'x'.repeat(200_000)}`);
    expect(codeOf(huge.response) ?? String(huge.response.status)).toMatch(/BAD_USER_INPUT|413/);
    expect(huge.ms).toBeLessThan(1000);

    const costly = await timed(`{ tenants(first: 100) { edges { node { subscribers(first: 100) { edges { node { tenant { subscribers(first: 100) { totalCount } } } } } } } } }`);
    expect(codeOf(costly.response)).toBe('BAD_USER_INPUT');
    expect(costly.response.errors?.[0]?.message).toMatch(/cost/i);
  });

  it('stays responsive while hostile queries arrive', async () => {
    const hostile = Array.from({ length: 2000 }, (_, i) => `f${i}: __typename`).join(' ');
    const flood = Array.from({ length: 50 }, () => gql(`{ ${hostile} }`));
    const started = performance.now();
    const normal = await gql(`{ me { email } }`, {}, { token: (await platformAdmin()).accessToken });
    expect(normal.data?.me.email).toBe(platform().admin.email);
    const results = await Promise.all(flood);
    expect(results.every((result) => codeOf(result) === 'BAD_USER_INPUT')).toBe(true);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('the token resolution endpoint', () => {
  it('answers only the gateway', async () => {
    const url = new URL('/internal/auth/resolve', platform().subgraphUrls.tenants).toString();
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: 'x' }) });
    expect(response.status).toBe(403);
  });
});
