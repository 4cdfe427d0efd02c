/**
 * `npm run bench:billing`: the billing run at ISP scale, on its own database.
 *   (1) one tenant with 10,000 subscribers on mixed plans (monthly, quarterly, setup fees, usage
 *       tiers, stacked taxes) bills one period;
 *   (2) ten tenants with 100,000 subscribers in total bill one period, one tenant after another as
 *       the scheduler does;
 *   (3) the same runs again and issue nothing.
 * Prints invoices, seconds, invoices/s and the peak resident memory of this process (which runs
 * the billing run itself, against PostgreSQL as the application role under row-level security).
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { Database, databaseUrl, dropDatabases, openOrm, provisionDatabases, migrate } from '@dotmac/kernel';
import { databaseModel } from '@dotmac/billing/entities';
import { BillingRunTrigger } from '@dotmac/billing/run/billing-run.entity';
import { runBilling } from '@dotmac/billing/run/billing-run.service';

const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DATABASE = 'dotmac_bench_billing';
const BATCH_SIZE = Number(process.env.BILLING_RUN_BATCH_SIZE ?? 1000);
const AS_OF = '2026-11-30';
const PASSWORD = 'bench-password-not-secret';

async function withOwner<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(`select set_config('app.scope', 'platform', true)`);
    const result = await work(client);
    await client.query('commit');
    return result;
  } finally {
    await client.end();
  }
}

/**
 * One tenant with `count` subscribers: a quarter each on a plain monthly plan, a monthly plan with
 * a setup fee on a fixed billing day (prorated first period), a quarterly plan, and a metered plan
 * whose October usage is billed in arrears. Two thirds pay stacked taxes.
 */
async function seedTenant(ownerUrl: string, tenantId: string, count: number): Promise<void> {
  await withOwner(ownerUrl, async (client) => {
    await client.query(`insert into billing_settings (tenant_id, currency) values ($1, 'USD')`, [tenantId]);
    for (const [jurisdiction, rate] of [['US-TX', '6.25'], ['US-TX-AUS', '2.00'], ['US-TX-AUS-MTA', '1.00'], ['US-CO', '2.90']]) {
      await client.query(`insert into tax_rate (id, tenant_id, name, jurisdiction, rate, effective_from, created_at) values ($1, $2, $3, $3, $4, '2020-01-01', now())`, [
        randomUUID(), tenantId, jurisdiction, rate,
      ]);
    }
    const plans = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const tiers = JSON.stringify([{ upTo: '100', unitPrice: '10' }, { upTo: '500', unitPrice: '5' }, { upTo: null, unitPrice: '1' }]);
    await client.query(
      `insert into service_plan (id, tenant_id, code, name, kind, interval, currency, price_minor, setup_fee_minor, status, usage_metric, usage_aggregation, usage_unit, usage_tiers, created_at, updated_at) values
        ($1, $5, 'HOME-50', 'Home 50', 'recurring', 'monthly', 'USD', 4999, 0, 'active', null, null, null, null, now(), now()),
        ($2, $5, 'FIBER-500', 'Fiber 500', 'recurring', 'monthly', 'USD', 7999, 9900, 'active', null, null, null, null, now(), now()),
        ($3, $5, 'BIZ-Q', 'Business quarterly', 'recurring', 'quarterly', 'USD', 21900, 0, 'active', null, null, null, null, now(), now()),
        ($4, $5, 'METERED', 'Metered 100', 'recurring', 'monthly', 'USD', 2999, 0, 'active', 'data', 'sum', 'GB', $6::jsonb, now(), now())`,
      [...plans, tenantId, tiers],
    );
    await client.query(
      `insert into billing_account (subscriber_id, tenant_id, currency, tax_jurisdictions, created_at, updated_at)
       select gen_random_uuid(), $1, 'USD',
              case i % 3 when 0 then '{US-TX,US-TX-AUS,US-TX-AUS-MTA}'::text[] when 1 then '{US-CO}'::text[] else '{}'::text[] end, now(), now()
         from generate_series(1, $2) i`,
      [tenantId, count],
    );
    await client.query(
      `insert into subscription (id, tenant_id, subscriber_id, plan_id, status, quantity, start_date, billing_day_mode, billing_day,
                                 anchor_date, next_period_index, next_bill_date, setup_fee_billed, created_at, updated_at)
       select gen_random_uuid(), $1, a.subscriber_id, ($2::uuid[])[k + 1], 'active', 1, s.start_date,
              case when k = 1 then 'fixed_day' else 'anniversary' end,
              case when k = 1 then 1 else extract(day from s.start_date)::int end,
              case when k = 1 then date '2026-12-01' else s.start_date end,
              case when k = 1 then -1 when k = 3 then 1 else 0 end,
              case when k = 3 then s.start_date + interval '1 month' else s.start_date end,
              k = 3, now(), now()
         from (select subscriber_id, (row_number() over (order by subscriber_id)) as n from billing_account where tenant_id = $1) a,
              lateral (select (a.n % 4)::int as k) plan_of,
              lateral (select case when k = 3 then date '2026-10-01' + ((a.n % 28)::int) else date '2026-11-01' + ((a.n % 28)::int) end as start_date) s`,
      [tenantId, plans],
    );
    await client.query(
      `insert into usage_event (id, tenant_id, event_id, subscriber_id, metric, quantity, occurred_at)
       select gen_random_uuid(), $1, s.id::text || '-' || e, s.subscriber_id, 'data', (50 + (e * 97) % 400)::numeric, s.start_date + (e * 5) * interval '1 day'
         from subscription s, generate_series(1, 3) e
        where s.tenant_id = $1 and s.plan_id = $2`,
      [tenantId, plans[3]],
    );
  });
}

class PeakRss {
  private peak = process.memoryUsage().rss;
  private readonly timer = setInterval(() => (this.peak = Math.max(this.peak, process.memoryUsage().rss)), 20);
  stop(): number {
    clearInterval(this.timer);
    return Math.round(Math.max(this.peak, process.memoryUsage().rss) / 1024 / 1024);
  }
}

async function timedRuns(db: Database, tenants: string[]): Promise<{ invoices: number; seconds: number; peakMb: number }> {
  const rss = new PeakRss();
  const started = process.hrtime.bigint();
  let invoices = 0;
  for (const tenantId of tenants) {
    const run = await runBilling(db, { tenantId, asOf: AS_OF, trigger: BillingRunTrigger.MANUAL, batchSize: BATCH_SIZE });
    invoices += run.invoicesIssued;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { invoices, seconds, peakMb: rss.stop() };
}

const print = (name: string, result: { invoices: number; seconds: number; peakMb: number }, target: string) =>
  console.log(
    `${name.padEnd(44)} ${String(result.invoices).padStart(7)} invoices  ${result.seconds.toFixed(2).padStart(6)} s  ${String(Math.round(result.invoices / result.seconds) || 0).padStart(6)}/s  peak RSS ${result.peakMb} MB   (target ${target})`,
  );

await dropDatabases(ADMIN_URL, [DATABASE]);
await provisionDatabases({ adminUrl: ADMIN_URL, ownerRole: 'dotmac_bench_owner', ownerPassword: PASSWORD, appRole: 'dotmac_bench_app', appPassword: PASSWORD, databases: [DATABASE] });
const ownerUrl = databaseUrl(ADMIN_URL, DATABASE, 'dotmac_bench_owner', PASSWORD);
await migrate(ownerUrl, databaseModel);
const db = new Database(await openOrm({ url: databaseUrl(ADMIN_URL, DATABASE, 'dotmac_bench_app', PASSWORD), ...databaseModel }));

console.log(`billing run benchmark: batch size ${BATCH_SIZE}, period as of ${AS_OF}, node ${process.version}`);
const single = randomUUID();
let seedStarted = Date.now();
await seedTenant(ownerUrl, single, 10_000);
console.log(`seeded 1 tenant × 10,000 subscribers in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`);
print('(1) 1 tenant, 10,000 subscribers', await timedRuns(db, [single]), '10,000 in ≤ 5 s');
print('(1) again: nothing left to issue', await timedRuns(db, [single]), '≤ 2 s');

const fleet = Array.from({ length: 10 }, () => randomUUID());
seedStarted = Date.now();
for (const tenantId of fleet) await seedTenant(ownerUrl, tenantId, 10_000);
console.log(`seeded 10 tenants × 10,000 subscribers in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`);
print('(2) 10 tenants, 100,000 subscribers', await timedRuns(db, fleet), '100,000 in ≤ 60 s, < 1 GB');
print('(2) again: nothing left to issue', await timedRuns(db, fleet), '≤ 2 s');

await db.close();
await dropDatabases(ADMIN_URL, [DATABASE]);
