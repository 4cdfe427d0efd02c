import { fromGlobalId, toGlobalId } from '@dotmac/kernel';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataOf, gql } from '../support/client.js';
import { createIsp, type Isp } from '../support/fixtures.js';
import { seedAccount, seedPlan, seedSubscription, withBillingDb } from '../support/billing-sql.js';

const CHANGE = `mutation($input: ChangeSubscriptionPlanInput!) {
  changeSubscriptionPlan(input: $input) {
    subscription { id plan { code } }
    creditNote { number total { amount } }
    invoice { number status total { amount } lines { description amount { amount } } }
    userErrors { code field message }
  }
}`;

describe('changing plan mid-period', () => {
  let isp: Isp;
  let tenantId: string;
  let plans: Record<'basic' | 'premium' | 'archived' | 'annual', string>;

  const change = async (subscriptionId: string, plan: string, effectiveDate: string) =>
    dataOf(
      await gql(CHANGE, { input: { subscriptionId: toGlobalId('Subscription', subscriptionId), planId: toGlobalId('ServicePlan', plan), effectiveDate } }, { token: isp.admin.accessToken }),
    ).changeSubscriptionPlan;

  const subscribe = () =>
    withBillingDb(async (client) => {
      const subscriberId = await seedAccount(client, tenantId);
      return seedSubscription(client, tenantId, { subscriberId, planId: plans.basic, startDate: '2026-04-01' });
    });

  beforeAll(async () => {
    isp = await createIsp('planchange');
    tenantId = fromGlobalId(isp.tenantId).id;
    plans = await withBillingDb(async (client) => {
      const basic = await seedPlan(client, tenantId, { priceMinor: 9900, name: 'Basic' });
      const premium = await seedPlan(client, tenantId, { priceMinor: 19900, name: 'Premium' });
      const archived = await seedPlan(client, tenantId, { priceMinor: 5000, name: 'Legacy' });
      await client.query(`update service_plan set status = 'archived' where id = $1`, [archived]);
      const annual = await seedPlan(client, tenantId, { priceMinor: 99900, name: 'Annual', interval: 'annual' });
      return { basic, premium, archived, annual };
    });
  });

  it('credits the unused part of the old plan and charges the rest of the period on the new one (99 → 199 at mid-month = 149.00)', async () => {
    const subscriptionId = await subscribe();
    const billed = dataOf(await gql(`mutation { runBilling(input: { asOf: "2026-04-01" }) { run { invoicesIssued } } }`, {}, { token: isp.admin.accessToken }));
    expect(billed.runBilling.run.invoicesIssued).toBeGreaterThanOrEqual(1);
    // April has 30 days; from the 16th, 15 are left: 99.00 × 15/30 = 49.50 back, 199.00 × 15/30 = 99.50 charged.
    const changed = await change(subscriptionId, plans.premium, '2026-04-16');
    expect(changed.userErrors).toEqual([]);
    expect(changed.subscription.plan.code).toMatch(/^P-/);
    expect(changed.creditNote.total.amount).toBe(4950);
    expect(changed.invoice).toMatchObject({ status: 'ISSUED', total: { amount: 9950 } });
    expect(changed.invoice.lines[0].description).toContain('15 of 30 days');
    const april = await withBillingDb(async (client) =>
      (
        await client.query(
          `select sum(i.total_minor) - coalesce(sum(i.credited_minor), 0) as net from invoice i where i.subscription_id = $1 and i.period_start >= '2026-04-01' and i.period_start < '2026-05-01'`,
          [subscriptionId],
        )
      ).rows[0],
    );
    expect(Number(april.net)).toBe(14900);
    // The next period bills the new plan in full.
    dataOf(await gql(`mutation { runBilling(input: { asOf: "2026-05-01" }) { run { invoicesIssued } } }`, {}, { token: isp.admin.accessToken }));
    const may = await withBillingDb(async (client) => (await client.query(`select total_minor from invoice where subscription_id = $1 and period_start = '2026-05-01'`, [subscriptionId])).rows[0]);
    expect(Number(may.total_minor)).toBe(19900);
  });

  it('refuses archived plans, other intervals, the same plan and dates outside the billed period, writing nothing', async () => {
    const subscriptionId = await subscribe();
    dataOf(await gql(`mutation { runBilling(input: { asOf: "2026-04-01" }) { run { invoicesIssued } } }`, {}, { token: isp.admin.accessToken }));
    const before = await withBillingDb(async (client) => (await client.query(`select count(*)::int as n from credit_note where tenant_id = $1`, [tenantId])).rows[0].n);
    for (const [plan, date] of [
      [plans.archived, '2026-04-10'],
      [plans.annual, '2026-04-10'],
      [plans.basic, '2026-04-10'],
      [plans.premium, '2026-06-10'],
      [plans.premium, '2026-03-10'],
    ] as const) {
      const refused = await change(subscriptionId, plan, date);
      expect(refused.userErrors[0]?.code, `${plan} ${date}`).toBe('BAD_USER_INPUT');
    }
    const after = await withBillingDb(async (client) => (await client.query(`select count(*)::int as n from credit_note where tenant_id = $1`, [tenantId])).rows[0].n);
    expect(after).toBe(before);
    const still = await withBillingDb(async (client) => (await client.query(`select plan_id from subscription where id = $1`, [subscriptionId])).rows[0]);
    expect(still.plan_id).toBe(plans.basic);
  });
});
