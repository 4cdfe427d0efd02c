import {
  DEMO_ADMIN,
  DEMO_PASSWORD,
  DEMO_PLANS,
  DEMO_TAX,
  DEMO_TENANTS,
  demoStaff,
  demoSubscribers,
  type Credentials,
  type DemoPlan,
  type DemoSubscriber,
  type DemoTenant,
} from './demo-data.js';
import { GatewayClient, enumValue } from './graphql-client.js';
import {
  LOGIN,
  TENANT_COUNT,
  createServicePlanField,
  createSubscriberField,
  createSubscriptionField,
  createTaxRateField,
  createTenantField,
  recordPaymentField,
  runBillingField,
  subscriberBalanceField,
  updateBillingSettingsField,
  createUserField,
  mutationDocument,
  transitionTenantField,
  type LoginData,
  type Payload,
  type TenantCountData,
} from './operations.js';

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

export class SeedError extends Error {
  constructor(what: string, payload: Payload) {
    const errors = payload.userErrors.map((error) => `${error.code}: ${error.message}${error.field ? ` (${String(error.field)})` : ''}`);
    super(`Seeding failed to ${what}: ${errors.join('; ')}`);
    this.name = 'SeedError';
  }
}

function expectNoUserErrors<P extends Payload>(what: string, payload: P | null | undefined): P {
  if (!payload) throw new SeedError(what, { userErrors: [{ code: 'NO_PAYLOAD', message: 'the mutation returned null' }] });
  if (payload.userErrors.length > 0) throw new SeedError(what, payload);
  return payload;
}

/** Requests in flight at once: the subgraphs work on independent rows in parallel. */
const CONCURRENT_REQUESTS = 4;

/**
 * Sends one aliased mutation per item, `batchSize` per request and a few requests at a time, checks
 * every payload and returns them in the order of the items.
 */
async function inBatches<T, P extends Payload = Payload>(
  client: GatewayClient,
  name: string,
  items: readonly T[],
  batchSize: number,
  field: (alias: string, item: T) => string,
  describe: (item: T) => string,
): Promise<P[]> {
  const payloads: P[] = new Array(items.length);
  const starts = Array.from({ length: Math.ceil(items.length / batchSize) }, (_, i) => i * batchSize);
  const send = async (start: number) => {
    const batch = items.slice(start, start + batchSize);
    const data = await client.request<Record<string, P>>(
      mutationDocument(name, batch.map((item, offset) => field(`m${offset}`, item))),
    );
    batch.forEach((item, offset) => (payloads[start + offset] = expectNoUserErrors(describe(item), data[`m${offset}`])));
  };
  for (let i = 0; i < starts.length; i += CONCURRENT_REQUESTS) await Promise.all(starts.slice(i, i + CONCURRENT_REQUESTS).map(send));
  return payloads;
}

/**
 * The ISP's billing: its tax, its plans, a subscription for every active subscriber (started 45 to
 * 75 days ago, so each has invoices) and a billing run up to today.
 */
async function seedBilling(client: GatewayClient, tenantId: string, activeSubscriberIds: string[], batchSize: number): Promise<number> {
  const settings = await client.request<{ s: Payload | null }>(
    mutationDocument('SeedBillingSettings', [updateBillingSettingsField('s', { tenantId, currency: 'USD', defaultTaxJurisdictions: [DEMO_TAX.jurisdiction] })]),
  );
  expectNoUserErrors('set billing settings', settings.s);
  const tax = await client.request<{ t: Payload | null }>(mutationDocument('SeedTaxRate', [createTaxRateField('t', { tenantId, ...DEMO_TAX })]));
  expectNoUserErrors('create the tax rate', tax.t);
  const plans = await inBatches<DemoPlan, Payload & { plan: { id: string } }>(
    client,
    'SeedPlans',
    DEMO_PLANS,
    batchSize,
    (alias, plan) => createServicePlanField(alias, { tenantId, kind: enumValue('RECURRING'), interval: enumValue('MONTHLY'), ...plan }),
    (plan) => `create plan ${plan.code}`,
  );
  const today = new Date();
  await inBatches(
    client,
    'SeedSubscriptions',
    activeSubscriberIds.map((subscriberId, index) => ({ subscriberId, index })),
    batchSize,
    (alias, { subscriberId, index }) =>
      createSubscriptionField(alias, {
        tenantId,
        subscriberId,
        planId: plans[index % plans.length]!.plan.id,
        startDate: new Date(today.getTime() - (45 + (index % 30)) * 86_400_000).toISOString().slice(0, 10),
      }),
    ({ index }) => `subscribe active subscriber ${index}`,
  );
  const run = await client.request<{ r: (Payload & { run: { invoicesIssued: number } | null }) | null }>(
    mutationDocument('SeedBillingRun', [runBillingField('r', { tenantId })]),
  );
  const invoices = expectNoUserErrors('run billing', run.r).run?.invoicesIssued ?? 0;
  await payMostBalances(client, tenantId, activeSubscriberIds, batchSize);
  return invoices;
}

/** Every subscriber but each tenth pays what it owes, so dunning has a few accounts to chase. */
async function payMostBalances(client: GatewayClient, tenantId: string, subscriberIds: string[], batchSize: number): Promise<void> {
  const payers = subscriberIds.filter((_, index) => index % 10 !== 9);
  const payments: { subscriberId: string; balance: { amount: number; currency: string } }[] = [];
  for (let start = 0; start < payers.length; start += batchSize) {
    const batch = payers.slice(start, start + batchSize);
    const balances = await client.request<Record<string, { balance: { amount: number; currency: string } }>>(
      `query SeedBalances { ${batch.map((id, offset) => subscriberBalanceField(`b${offset}`, id)).join(' ')} }`,
    );
    batch.forEach((subscriberId, offset) => payments.push({ subscriberId, balance: balances[`b${offset}`]!.balance }));
  }
  await inBatches(
    client,
    'SeedPayments',
    payments.filter(({ balance }) => balance.amount > 0),
    batchSize,
    (alias, { subscriberId, balance }) =>
      recordPaymentField(alias, { tenantId, subscriberId, amount: balance.amount, currency: balance.currency, method: enumValue('CARD'), processor: 'demo', processorPaymentId: `demo-${subscriberId}` }),
    ({ subscriberId }) => `pay the balance of ${subscriberId}`,
  );
}

async function seedTenant(client: GatewayClient, tenant: DemoTenant, batchSize: number): Promise<SeededTenant> {
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
  for (const tenant of DEMO_TENANTS) {
    const started = performance.now();
    seeded.push(await seedTenant(client, tenant, options.batchSize ?? 25));
    log(`seeded ${tenant.name}: ${tenant.subscriberCount} subscribers, ${seeded.at(-1)!.invoices} invoices in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return { skipped: false, tenants: seeded };
}
