import { DEMO_ADMIN, DEMO_PASSWORD, DEMO_TENANTS, demoStaff, demoSubscribers, type Credentials, type DemoSubscriber, type DemoTenant } from './demo-data.js';
import { GatewayClient, enumValue } from './graphql-client.js';
import {
  LOGIN,
  TENANT_COUNT,
  createSubscriberField,
  createTenantField,
  createUserField,
  mutationDocument,
  transitionTenantField,
  type LoginData,
  type Payload,
  type TenantCountData,
} from './operations.js';
import { seedBilling } from './seed-billing.js';
import { seedNetwork } from './seed-network.js';
import { expectNoUserErrors, inBatches } from './seed-requests.js';

export { SeedError } from './seed-requests.js';

export interface SeedOptions {
  /** The gateway's GraphQL endpoint. */
  gatewayUrl: string;
  /** The bootstrap platform admin the seed acts as. */
  admin?: Credentials;
  /** Aliased mutations per request. */
  batchSize?: number;
  log?: (message: string) => void;
}

export interface SeededTenant {
  slug: string;
  id: string;
  users: number;
  subscribers: number;
  invoices: number;
}

export interface SeedResult {
  /** True when the platform already had tenants, so nothing was created. */
  skipped: boolean;
  tenants: SeededTenant[];
}

async function seedTenant(client: GatewayClient, tenant: DemoTenant, index: number, batchSize: number): Promise<SeededTenant> {
  const created = await client.request<{ t: (Payload & { tenant: { id: string } | null }) | null }>(
    mutationDocument('SeedCreateTenant', [
      createTenantField('t', { slug: tenant.slug, name: tenant.name, planTier: enumValue(tenant.planTier) }),
    ]),
  );
  const tenantId = expectNoUserErrors(`create tenant ${tenant.slug}`, created.t).tenant?.id;
  if (!tenantId) throw new Error(`createTenant returned no tenant for ${tenant.slug}`);

  // A tenant becomes active only through provisioning; one request per step keeps the order.
  for (const status of ['PROVISIONING', 'ACTIVE']) {
    const moved = await client.request<{ t: Payload | null }>(
      mutationDocument('SeedTransitionTenant', [transitionTenantField('t', { tenantId, to: enumValue(status) })]),
    );
    expectNoUserErrors(`move ${tenant.slug} to ${status}`, moved.t);
  }

  const staff = demoStaff(tenant);
  await inBatches(client, 'SeedCreateUsers', staff, batchSize, (alias, user) =>
    createUserField(alias, {
      tenantId,
      email: user.email,
      password: DEMO_PASSWORD,
      displayName: user.displayName,
      roles: user.roles.map(enumValue),
    }), (user) => `create user ${user.email}`);

  const subscribers = demoSubscribers(tenant);
  const createdSubscribers = await inBatches<DemoSubscriber, Payload & { subscriber: { id: string } }>(client, 'SeedCreateSubscribers', subscribers, batchSize, (alias, subscriber) =>
    createSubscriberField(alias, {
      tenantId,
      name: subscriber.name,
      email: subscriber.email,
      type: enumValue(subscriber.type),
      status: enumValue(subscriber.status),
      accountNumber: subscriber.accountNumber,
    }), (subscriber) => `create subscriber ${subscriber.accountNumber}`);

  const active = createdSubscribers.filter((_, index) => subscribers[index]!.status === 'ACTIVE').map((payload) => payload.subscriber.id);
  const invoices = await seedBilling(client, tenantId, active, batchSize);
  await seedNetwork(client, tenantId, index, active);
  return { slug: tenant.slug, id: tenantId, users: staff.length, subscribers: subscribers.length, invoices };
}

/** Signs in as the platform admin through the gateway and returns a client carrying the token. */
export async function signIn(gatewayUrl: string, credentials: Credentials): Promise<GatewayClient> {
  const client = new GatewayClient(gatewayUrl);
  const { login } = await client.request<LoginData>(LOGIN, { ...credentials });
  const { accessToken } = expectNoUserErrors(`sign in as ${credentials.email}`, login);
  if (!accessToken) throw new Error(`login returned no access token for ${credentials.email}`);
  return client.withToken(accessToken);
}

/**
 * Seeds the demo ISPs, their staff and subscribers through the gateway's public API, as the
 * bootstrap platform admin, unless the platform already has tenants.
 */
export async function seedDemo(options: SeedOptions): Promise<SeedResult> {
  const log = options.log ?? (() => undefined);
  const client = await signIn(options.gatewayUrl, options.admin ?? DEMO_ADMIN);
  const { tenants } = await client.request<TenantCountData>(TENANT_COUNT);
  if (tenants.totalCount > 0) return { skipped: true, tenants: [] };
  const seeded: SeededTenant[] = [];
  for (const [index, tenant] of DEMO_TENANTS.entries()) {
    const started = performance.now();
    seeded.push(await seedTenant(client, tenant, index, options.batchSize ?? 25));
    log(`seeded ${tenant.name}: ${tenant.subscriberCount} subscribers, ${seeded.at(-1)!.invoices} invoices in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return { skipped: false, tenants: seeded };
}
