import { DEMO_PLANS, DEMO_TAX, type DemoPlan } from './demo-data.js';
import { enumValue, type GatewayClient } from './graphql-client.js';
import {
  createServicePlanField,
  createSubscriptionField,
  createTaxRateField,
  mutationDocument,
  recordPaymentField,
  runBillingField,
  subscriberBalanceField,
  updateBillingSettingsField,
  type Payload,
} from './operations.js';
import { expectNoUserErrors, inBatches } from './seed-requests.js';

/**
 * The ISP's billing: its tax, its plans, a subscription for every active subscriber (started 45 to
 * 75 days ago, so each has invoices) and a billing run up to today.
 */
export async function seedBilling(client: GatewayClient, tenantId: string, activeSubscriberIds: string[], batchSize: number): Promise<number> {
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
