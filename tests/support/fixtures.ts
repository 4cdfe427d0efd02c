import { randomBytes } from 'node:crypto';
import { dataOf, gql } from './client.js';
import { platform } from './platform-context.js';

export const PASSWORD = 'correct-horse-battery';

export interface Session {
  accessToken: string;
  refreshToken: string;
  userId: string;
}

export async function login(email: string, password: string, ip?: string): Promise<Session> {
  const data = dataOf(
    await gql(
      `mutation($input: LoginInput!) { login(input: $input) { accessToken refreshToken user { id } userErrors { code message } } }`,
      { input: { email, password } },
      { ip },
    ),
  );
  return { accessToken: data.login.accessToken, refreshToken: data.login.refreshToken, userId: data.login.user.id };
}

let adminSession: Promise<Session> | undefined;
/** A session of the bootstrap platform admin (one per test file). */
export function platformAdmin(): Promise<Session> {
  adminSession ??= login(platform().admin.email, platform().admin.password);
  return adminSession;
}

export const uniqueSlug = (base: string): string => `${base}-${randomBytes(3).toString('hex')}`;

export interface Isp {
  tenantId: string;
  slug: string;
  admin: Session;
  adminEmail: string;
}

/**
 * Creates a user through the gateway as the platform admin; returns its global id. A subscriber
 * portal login (roles [SUBSCRIBER]) names its Subscriber's global id.
 */
export async function createUser(tenantId: string | undefined, email: string, roles: string[], token?: string, subscriberId?: string): Promise<string> {
  const data = dataOf(
    await gql(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } userErrors { code message field } } }`,
      { input: { tenantId, email, password: PASSWORD, displayName: email.split('@')[0], roles, subscriberId } },
      { token: token ?? (await platformAdmin()).accessToken },
    ),
  );
  if (data.createUser.userErrors.length) throw new Error(JSON.stringify(data.createUser.userErrors));
  return data.createUser.user.id;
}

/** A fresh active ISP with a logged-in tenant admin. */
export async function createIsp(base = 'isp'): Promise<Isp> {
  const admin = await platformAdmin();
  const slug = uniqueSlug(base);
  const created = dataOf(
    await gql(
      `mutation($input: CreateTenantInput!) { createTenant(input: $input) { tenant { id } userErrors { code message } } }`,
      { input: { slug, name: `ISP ${slug}`, planTier: 'GROWTH' } },
      { token: admin.accessToken },
    ),
  );
  const tenantId: string = created.createTenant.tenant.id;
  for (const to of ['PROVISIONING', 'ACTIVE']) {
    const moved = dataOf(
      await gql(`mutation($input: TransitionTenantInput!) { transitionTenant(input: $input) { userErrors { code } } }`, { input: { tenantId, to } }, { token: admin.accessToken }),
    );
    if (moved.transitionTenant.userErrors.length) throw new Error(JSON.stringify(moved.transitionTenant.userErrors));
  }
  const adminEmail = `admin@${slug}.example`;
  await createUser(tenantId, adminEmail, ['TENANT_ADMIN']);
  return { tenantId, slug, adminEmail, admin: await login(adminEmail, PASSWORD) };
}

/** Creates `count` subscribers in one request (aliased mutations); returns their global ids. */
export async function createSubscribers(token: string, count: number, namePrefix = 'Subscriber', tenantId?: string): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < count; start += 25) {
    const size = Math.min(25, count - start);
    const fields = Array.from(
      { length: size },
      (_, i) =>
        `s${i}: createSubscriber(input: { ${tenantId ? `tenantId: "${tenantId}", ` : ''}name: "${namePrefix} ${start + i}", email: "s${start + i}@example.net", status: ACTIVE }) { subscriber { id } userErrors { code message } }`,
    );
    const data = dataOf(await gql(`mutation { ${fields.join('\n')} }`, {}, { token }));
    for (let i = 0; i < size; i += 1) {
      const payload = data[`s${i}`];
      if (payload.userErrors.length) throw new Error(JSON.stringify(payload.userErrors));
      ids.push(payload.subscriber.id);
    }
  }
  return ids;
}
