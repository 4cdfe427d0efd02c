import { fromGlobalId } from '@dotmac/kernel';
import { describe, expect, it } from 'vitest';
import { dataOf, gql } from '../support/client.js';
import { createIsp, createSubscribers } from '../support/fixtures.js';
import { seedAccount, seedPlan, seedSubscription, withBillingDb } from '../support/billing-sql.js';

async function statusOf(token: string, subscriberId: string): Promise<string> {
  return dataOf(await gql(`query($id: ID!) { subscriber(id: $id) { status } }`, { id: subscriberId }, { token })).subscriber.status;
}

async function eventuallyStatus(token: string, subscriberId: string, expected: string): Promise<string> {
  let status = '';
  for (let attempt = 0; attempt < 75 && status !== expected; attempt += 1) {
    status = await statusOf(token, subscriberId);
    if (status !== expected) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return status;
}

describe('unpaid → suspended → paid → restored, across billing and customers', () => {
  it('suspends the subscriber through dunning and restores it when the balance is paid', async () => {
    const isp = await createIsp('dunloop');
    const token = isp.admin.accessToken;
    const tenantId = fromGlobalId(isp.tenantId).id;
    const [subscriber] = await createSubscribers(token, 1);
    await withBillingDb(async (client) => {
      const subscriberId = await seedAccount(client, tenantId, [], fromGlobalId(subscriber!).id);
      const planId = await seedPlan(client, tenantId, { priceMinor: 5500 });
      await seedSubscription(client, tenantId, { subscriberId, planId, startDate: '2026-07-01' });
    });
    const policy = { dueDays: 7, graceDays: 0, steps: [{ daysAfterGrace: 3, action: 'SUSPEND' }] };
    expect(dataOf(await gql(`mutation($input: SetDunningPolicyInput!) { setDunningPolicy(input: $input) { userErrors { code } } }`, { input: policy }, { token })).setDunningPolicy.userErrors).toEqual([]);
    dataOf(await gql(`mutation { runBilling(input: { asOf: "2026-07-01" }) { run { invoicesIssued } } }`, {}, { token }));
    // Due July 8, overdue from the 9th, suspended three days later.
    const dunning = dataOf(await gql(`mutation { runDunning(input: { asOf: "2026-07-12" }) { outcome { markedOverdue suspended } userErrors { code } } }`, {}, { token }));
    expect(dunning.runDunning.outcome).toEqual({ markedOverdue: 1, suspended: 1 });
    expect(await eventuallyStatus(token, subscriber!, 'DELINQUENT')).toBe('DELINQUENT');

    const balance = dataOf(await gql(`query($id: ID!) { subscriber(id: $id) { balance { amount currency } } }`, { id: subscriber }, { token })).subscriber.balance;
    expect(balance).toEqual({ amount: 5500, currency: 'USD' });
    const paid = dataOf(
      await gql(
        `mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { userErrors { code message } } }`,
        { input: { subscriberId: subscriber, amount: 5500, currency: 'USD', method: 'CARD', processor: 'test', processorPaymentId: `pi_${tenantId}` } },
        { token },
      ),
    );
    expect(paid.recordPayment.userErrors).toEqual([]);
    expect(await eventuallyStatus(token, subscriber!, 'ACTIVE')).toBe('ACTIVE');
    const restored = await withBillingDb(async (client) => (await client.query(`select count(*)::int as n from outbox_event where tenant_id = $1 and topic = 'billing.subscriber.restored'`, [tenantId])).rows[0].n);
    expect(restored).toBe(1);
  });
});
