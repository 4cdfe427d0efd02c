import { createLogger, Database, fromGlobalId, openOrm } from '@dotmac/kernel';
import { databaseModel } from '@dotmac/billing/entities';
import { BillingScheduler } from '@dotmac/billing/run/billing-scheduler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIsp } from '../support/fixtures.js';
import { platform } from '../support/platform-context.js';
import { seedAccount, seedPlan, seedSubscription, withBillingDb } from '../support/billing-sql.js';

/**
 * The scheduler as the billing subgraph runs it, on a clock the test sets: a date before every
 * other test's subscriptions, so it finds only this test's work.
 */
describe('billing scheduler', () => {
  let db: Database;
  let today = '2025-12-01';

  beforeAll(async () => {
    db = new Database(await openOrm({ url: platform().appDatabaseUrls.billing!, ...databaseModel }));
  });
  afterAll(() => db?.close());

  it('bills what is due and runs dunning for every tenant, once per tick', async () => {
    const isp = await createIsp('scheduler');
    const tenantId = fromGlobalId(isp.tenantId).id;
    await withBillingDb(async (client) => {
      const planId = await seedPlan(client, tenantId, { priceMinor: 2000 });
      for (let i = 0; i < 3; i += 1) {
        const subscriberId = await seedAccount(client, tenantId);
        await seedSubscription(client, tenantId, { subscriberId, planId, startDate: '2025-12-01' });
      }
    });
    const scheduler = new BillingScheduler(db, createLogger('scheduler-test', 'silent'), { intervalMs: 0, batchSize: 2, today: () => today });
    await scheduler.runOnce();
    await scheduler.runOnce();
    const runs = await withBillingDb(async (client) => (await client.query(`select trigger, status, invoices_issued from billing_run where tenant_id = $1 order by started_at`, [tenantId])).rows);
    expect(runs).toEqual([{ trigger: 'scheduler', status: 'completed', invoices_issued: 3 }]);

    // Default policy: due after 14 days (Dec 15), overdue from the 16th, 3 grace days, then a reminder.
    today = '2025-12-19';
    await scheduler.runOnce();
    await scheduler.runOnce();
    const actions = await withBillingDb(async (client) => (await client.query(`select action, count(*)::int as n from dunning_action where tenant_id = $1 group by action`, [tenantId])).rows);
    expect(actions).toEqual([{ action: 'reminder', n: 3 }]);
    const statuses = await withBillingDb(async (client) => (await client.query(`select distinct status from invoice where tenant_id = $1`, [tenantId])).rows);
    expect(statuses).toEqual([{ status: 'overdue' }]);
  });
});
