import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { codeOf, dataOf, freshIp, gql } from '../support/client.js';
import { createIsp, createUser, login, PASSWORD, platformAdmin } from '../support/fixtures.js';
import { platform } from '../support/platform-context.js';

const ME = `{ me { id email roles } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken refreshToken userErrors { code } } }`;
const REFRESH = `mutation($token: String!) { refreshSession(input: { refreshToken: $token }) { accessToken refreshToken userErrors { code } } }`;

describe('login, tokens and sessions through the gateway', () => {
  it('logs in with the right password and answers me', async () => {
    const session = await platformAdmin();
    const me = dataOf(await gql(ME, {}, { token: session.accessToken }));
    expect(me.me.email).toBe(platform().admin.email);
    expect(me.me.roles).toEqual(['PLATFORM_ADMIN']);
  });

  it("answers an ISP user's tenant, and none for a platform admin", async () => {
    const isp = await createIsp('me-tenant');
    const mine = dataOf(await gql(`{ me { tenant { id slug } } }`, {}, { token: isp.admin.accessToken }));
    expect(mine.me.tenant).toEqual({ id: isp.tenantId, slug: isp.slug });
    const admin = dataOf(await gql(`{ me { tenant { id } } }`, {}, { token: (await platformAdmin()).accessToken }));
    expect(admin.me.tenant).toBeNull();
  });

  it('refuses a wrong password with UNAUTHENTICATED and no tokens', async () => {
    const response = await gql(LOGIN, { input: { email: platform().admin.email, password: 'not-the-password' } }, { ip: freshIp() });
    expect(codeOf(response)).toBe('UNAUTHENTICATED');
    expect(response.data?.login ?? null).toBeNull();
  });

  it('rate-limits repeated failures per account, even with the right password afterwards', async () => {
    const isp = await createIsp('ratelimit');
    const email = `victim@${isp.slug}.example`;
    await createUser(isp.tenantId, email, ['BILLING']);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(codeOf(await gql(LOGIN, { input: { email, password: 'wrong-password-x' } }, { ip: freshIp() }))).toBe('UNAUTHENTICATED');
    }
    const blocked = await gql(LOGIN, { input: { email, password: PASSWORD } }, { ip: freshIp() });
    expect(codeOf(blocked)).toBe('RATE_LIMITED');
    expect(blocked.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('rate-limits repeated failures per client address across accounts', async () => {
    const ip = freshIp();
    for (let attempt = 0; attempt < 20; attempt += 1) {
      await gql(LOGIN, { input: { email: `nobody${attempt}@nowhere.example`, password: 'whatever-password' } }, { ip });
    }
    const blocked = await gql(LOGIN, { input: { email: platform().admin.email, password: platform().admin.password } }, { ip });
    expect(codeOf(blocked)).toBe('RATE_LIMITED');
    const elsewhere = await gql(LOGIN, { input: { email: platform().admin.email, password: platform().admin.password } }, { ip: freshIp() });
    expect(elsewhere.data?.login.accessToken).toBeTruthy();
  });

  it('rotates refresh tokens and ends the family when a used one comes back', async () => {
    const isp = await createIsp('refresh');
    const first = await login(isp.adminEmail, PASSWORD);
    const rotated = dataOf(await gql(REFRESH, { token: first.refreshToken })).refreshSession;
    expect(rotated.accessToken).toBeTruthy();
    expect(rotated.refreshToken).not.toBe(first.refreshToken);
    expect(dataOf(await gql(ME, {}, { token: rotated.accessToken })).me.email).toBe(isp.adminEmail);

    const replay = await gql(REFRESH, { token: first.refreshToken });
    expect(codeOf(replay)).toBe('UNAUTHENTICATED');
    // The theft response revoked the whole family, including the newest token.
    expect(codeOf(await gql(REFRESH, { token: rotated.refreshToken }))).toBe('UNAUTHENTICATED');
    await new Promise((resolve) => setTimeout(resolve, 1200)); // gateway auth cache TTL
    expect(codeOf(await gql(ME, {}, { token: rotated.accessToken }))).toBe('UNAUTHENTICATED');
  });

  it('lets one of several concurrent refreshes of one token win; the losers end the family', async () => {
    const isp = await createIsp('refresh-race');
    const session = await login(isp.adminEmail, PASSWORD);
    const results = await Promise.all(Array.from({ length: 5 }, () => gql(REFRESH, { token: session.refreshToken })));
    const winners = results.filter((result) => result.data?.refreshSession?.accessToken);
    expect(winners.length).toBe(1);
    expect(results.filter((result) => codeOf(result) === 'UNAUTHENTICATED').length).toBe(4);
  });

  it('logout ends the session: the access and refresh tokens stop working', async () => {
    const isp = await createIsp('logout');
    const session = await login(isp.adminEmail, PASSWORD);
    const out = dataOf(await gql(`mutation { logout { endedSessions userErrors { code } } }`, {}, { token: session.accessToken }));
    expect(out.logout.endedSessions).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(codeOf(await gql(ME, {}, { token: session.accessToken }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(REFRESH, { token: session.refreshToken }))).toBe('UNAUTHENTICATED');
  });

  it('refuses forged and expired JWTs', async () => {
    const session = await platformAdmin();
    const [header, payload] = session.accessToken.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(43)}`;
    expect(codeOf(await gql(ME, {}, { token: forged }))).toBe('UNAUTHENTICATED');

    const wrongKey = await new SignJWT({ roles: ['platform_admin'], sid: 'x', tid: null })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(session.userId)
      .setIssuer('dotmac')
      .setAudience('dotmac-graph')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('some-other-secret-0123456789'));
    expect(codeOf(await gql(ME, {}, { token: wrongKey }))).toBe('UNAUTHENTICATED');

    const expired = await new SignJWT({ roles: ['platform_admin'], sid: 'x', tid: null })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(session.userId)
      .setIssuer('dotmac')
      .setAudience('dotmac-graph')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 1800)
      .sign(new TextEncoder().encode(platform().jwtSecret));
    const response = await gql(ME, {}, { token: expired });
    expect(codeOf(response)).toBe('UNAUTHENTICATED');
    expect(response.data?.me ?? null).toBeNull();
  });

  it("refuses a disabled user's still-valid token", async () => {
    const isp = await createIsp('disable');
    const email = `noc@${isp.slug}.example`;
    const userId = await createUser(isp.tenantId, email, ['NOC'], isp.admin.accessToken);
    const session = await login(email, PASSWORD);
    expect(dataOf(await gql(ME, {}, { token: session.accessToken })).me.email).toBe(email);
    const disabled = dataOf(
      await gql(
        `mutation($input: UpdateUserInput!) { updateUser(input: $input) { user { status } userErrors { code } } }`,
        { input: { userId, status: 'DISABLED' } },
        { token: isp.admin.accessToken },
      ),
    );
    expect(disabled.updateUser.user.status).toBe('DISABLED');
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(codeOf(await gql(ME, {}, { token: session.accessToken }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(LOGIN, { input: { email, password: PASSWORD } }, { ip: freshIp() }))).toBe('UNAUTHENTICATED');
  });
});

describe('API keys for partner integrations', () => {
  const CREATE = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id prefix roles lastUsedAt } secret userErrors { code field message } } }`;

  it('shows the secret once, authenticates with it, records last use, and stops working when revoked', async () => {
    const isp = await createIsp('apikey');
    const created = dataOf(await gql(CREATE, { input: { name: 'CRM sync', roles: ['BILLING'] } }, { token: isp.admin.accessToken })).createApiKey;
    expect(created.userErrors).toEqual([]);
    expect(created.secret).toMatch(/^dmk_/);

    const listed = dataOf(await gql(`{ apiKeys { edges { node { id prefix } } } }`, {}, { token: isp.admin.accessToken }));
    expect(JSON.stringify(listed)).not.toContain(created.secret);

    const asKey = await gql(`{ subscribers(first: 1) { totalCount } }`, {}, { apiKey: created.secret });
    expect(asKey.errors).toBeUndefined();
    expect(asKey.data?.subscribers.totalCount).toBe(0);

    const after = dataOf(await gql(`query($id: ID!) { node(id: $id) { ... on ApiKey { lastUsedAt } } }`, { id: created.apiKey.id }, { token: isp.admin.accessToken }));
    expect(after.node.lastUsedAt).toBeTruthy();

    const revoked = dataOf(
      await gql(`mutation($id: ID!) { revokeApiKey(input: { apiKeyId: $id }) { apiKey { revokedAt } userErrors { code } } }`, { id: created.apiKey.id }, { token: isp.admin.accessToken }),
    );
    expect(revoked.revokeApiKey.apiKey.revokedAt).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(codeOf(await gql(`{ subscribers(first: 1) { totalCount } }`, {}, { apiKey: created.secret }))).toBe('UNAUTHENTICATED');
  });

  it('refuses a platform_admin key and an unknown key', async () => {
    const isp = await createIsp('apikey-roles');
    const bad = dataOf(await gql(CREATE, { input: { name: 'x', roles: ['PLATFORM_ADMIN'] } }, { token: isp.admin.accessToken })).createApiKey;
    expect(bad.userErrors[0].code).toBe('BAD_USER_INPUT');
    expect(bad.secret).toBeNull();
    expect(codeOf(await gql(`{ me { id } }`, {}, { apiKey: 'dmk_00000000000000000000000000000000_nottherightsecretatall' }))).toBe('UNAUTHENTICATED');
  });
});
