import { fromGlobalId } from '@dotmac/kernel';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataOf, gql } from '../support/client.js';
import { createIsp, type Isp } from '../support/fixtures.js';
import { seedAccount, seedPlan, seedSubscription, withBillingDb } from '../support/billing-sql.js';

const SET_POLICY = `mutation($input: SetDunningPolicyInput!) { setDunningPolicy(input: $input) { policy { dueDays graceDays steps { daysAfterGrace action } custom } userErrors { code field message } } }`;
const RUN_DUNNING = `mutation($input: RunDunningInput!) { runDunning(input: $input) { outcome { markedOverdue reminders suspended terminated } userErrors { code message } } }`;

async function dunning(isp: Isp, asOf: string) {
  const data = dataOf(await gql(RUN_DUNNING, { input: { asOf } }, { token: isp.admin.accessToken }));
  expect(data.runDunning.userErrors).toEqual([]);
  return data.runDunning.outcome;
}

const eventsOf = (tenantId: string, topic: string) =>
  withBillingDb(async (client) => (await client.query(`select payload from outbox_event where tenant_id = $1 and topic = $2`, [tenantId, topic])).rows.map((row) => row.payload));

describe('dunning', () => {
  let isp: Isp;
  let tenantId: string;
  let subscriberId: string;

  beforeAll(async () => {
    isp = await createIsp('dunning');
    tenantId = fromGlobalId(isp.tenantId).id;
    subscriberId = await withBillingDb(async (client) => {
      const subscriberId = await seedAccount(client, tenantId);
      const planId = await seedPlan(client, tenantId, { priceMinor: 4500 });
      await seedSubscription(client, tenantId, { subscriberId, planId, startDate: '2026-09-01' });
      return subscriberId;
    });
  });

  it('validates the policy', async () => {
    const cases = [
      { dueDays: -1, graceDays: 0, steps: [] },
      { dueDays: 10, graceDays: 400, steps: [] },
      { dueDays: 10, graceDays: 2, steps: [{ daysAfterGrace: 5, action: 'REMINDER' }, { daysAfterGrace: 5, action: 'SUSPEND' }] },
      { dueDays: 10, graceDays: 2, steps: [{ daysAfterGrace: 1, action: 'TERMINATE' }, { daysAfterGrace: 5, action: 'SUSPEND' }] },
    ];
    for (const input of cases) {
      const data = dataOf(await gql(SET_POLICY, { input }, { token: isp.admin.accessToken }));
      expect(data.setDunningPolicy.userErrors[0]?.code, JSON.stringify(input)).toBe('BAD_USER_INPUT');
    }
    const current = dataOf(await gql(`{ dunningPolicy { dueDays custom } }`, {}, { token: isp.admin.accessToken }));
    expect(current.dunningPolicy).toEqual({ dueDays: 14, custom: false });
  });

  it('reminds, suspends and terminates on schedule, each step once, through outbox events', async () => {
    const set = dataOf(
      await gql(
        SET_POLICY,
        { input: { dueDays: 10, graceDays: 2, steps: [{ daysAfterGrace: 0, action: 'REMINDER' }, { daysAfterGrace: 5, action: 'SUSPEND' }, { daysAfterGrace: 30, action: 'TERMINATE' }] } },
        { token: isp.admin.accessToken },
      ),
    );
    expect(set.setDunningPolicy.userErrors).toEqual([]);
    const run = dataOf(await gql(`mutation { runBilling(input: { asOf: "2026-09-01" }) { run { invoicesIssued } } }`, {}, { token: isp.admin.accessToken }));
    expect(run.runBilling.run.invoicesIssued).toBe(1);
    // Due 2026-09-11; overdue from the 12th; grace the 12th and 13th; reminder on the 14th; suspension on the 19th.
    expect(await dunning(isp, '2026-09-11')).toEqual({ markedOverdue: 0, reminders: 0, suspended: 0, terminated: 0 });
    expect(await dunning(isp, '2026-09-13')).toEqual({ markedOverdue: 1, reminders: 0, suspended: 0, terminated: 0 });
    expect(await dunning(isp, '2026-09-14')).toEqual({ markedOverdue: 0, reminders: 1, suspended: 0, terminated: 0 });
    expect(await dunning(isp, '2026-09-18')).toEqual({ markedOverdue: 0, reminders: 0, suspended: 0, terminated: 0 });
    expect(await dunning(isp, '2026-09-19')).toEqual({ markedOverdue: 0, reminders: 0, suspended: 1, terminated: 0 });
    expect(await dunning(isp, '2026-09-20')).toEqual({ markedOverdue: 0, reminders: 0, suspended: 0, terminated: 0 });
    const delinquent = await eventsOf(tenantId, 'billing.subscriber.delinquent');
    expect(delinquent).toEqual([expect.objectContaining({ subscriberId, tenantId })]);
    const account = await withBillingDb(async (client) => (await client.query(`select delinquent from billing_account where subscriber_id = $1`, [subscriberId])).rows[0]);
    expect(account.delinquent).toBe(true);
    expect(await dunning(isp, '2026-10-14')).toMatchObject({ terminated: 1 });
    expect(await eventsOf(tenantId, 'billing.subscriber.terminated')).toHaveLength(1);
    const subscription = await withBillingDb(async (client) => (await client.query(`select status, next_bill_date from subscription where subscriber_id = $1`, [subscriberId])).rows[0]);
    expect(subscription).toEqual({ status: 'cancelled', next_bill_date: null });
    expect(await dunning(isp, '2026-10-20')).toEqual({ markedOverdue: 0, reminders: 0, suspended: 0, terminated: 0 });
  });
});
