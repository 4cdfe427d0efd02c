import { fromGlobalId } from '@dotmac/kernel';
import { describe, expect, it } from 'vitest';
import { dataOf, gql } from '../support/client.js';
import { createIsp, createSubscribers } from '../support/fixtures.js';
import { seedAccount, seedPlan, seedSubscription, withBillingDb } from '../support/billing-sql.js';

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('a subscriber cancelled in customers', () => {
  it('is billed no further: its subscriptions end with the period already billed', async () => {
    const isp = await createIsp('cancelbill');
    const tenantId = fromGlobalId(isp.tenantId).id;
    const [subscriber] = await createSubscribers(isp.admin.accessToken, 1);
    const subscriberId = fromGlobalId(subscriber!).id;
    const subscriptionId = await withBillingDb(async (client) => {
      await seedAccount(client, tenantId, [], subscriberId);
      const planId = await seedPlan(client, tenantId, { priceMinor: 3900 });
      return seedSubscription(client, tenantId, { subscriberId, planId, startDate: '2026-06-05' });
    });
    const billed = dataOf(await gql(`mutation { runBilling(input: { asOf: "2026-07-05" }) { run { invoicesIssued } } }`, {}, { token: isp.admin.accessToken }));
    expect(billed.runBilling.run.invoicesIssued).toBe(2);

    const cancelled = dataOf(
      await gql(`mutation($input: TransitionSubscriberInput!) { transitionSubscriber(input: $input) { userErrors { code message } } }`, { input: { subscriberId: subscriber, to: 'CANCELLED', reason: 'moving away' } }, { token: isp.admin.accessToken }),
    );
    expect(cancelled.transitionSubscriber.userErrors).toEqual([]);
    const row = await eventually(
      () => withBillingDb(async (client) => (await client.query(`select end_date::text, status from subscription where id = $1`, [subscriptionId])).rows[0]),
      (value) => value.end_date !== null,
    );
    expect(row).toEqual({ end_date: '2026-08-04', status: 'cancelled' });
    const later = dataOf(await gql(`mutation { runBilling(input: { asOf: "2026-10-05" }) { run { invoicesIssued } } }`, {}, { token: isp.admin.accessToken }));
    expect(later.runBilling.run.invoicesIssued).toBe(0);
    const ended = await withBillingDb(async (client) => (await client.query(`select status, next_bill_date from subscription where id = $1`, [subscriptionId])).rows[0]);
    expect(ended).toEqual({ status: 'cancelled', next_bill_date: null });
  });
});
