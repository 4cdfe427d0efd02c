import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { fromGlobalId } from '@dotmac/kernel';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataOf, gql } from '../support/client.js';
import { createIsp, type Isp } from '../support/fixtures.js';
import { platform } from '../support/platform-context.js';
import { seedAccount, seedPlan, seedSubscription, seedTaxRate, withBillingDb } from '../support/billing-sql.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

const RUN = `mutation($input: RunBillingInput!) { runBilling(input: $input) { run { id status invoicesIssued asOf } userErrors { code field message } } }`;

async function runBilling(isp: Isp, asOf: string) {
  const data = dataOf(await gql(RUN, { input: { asOf } }, { token: isp.admin.accessToken }));
  expect(data.runBilling.userErrors).toEqual([]);
  return data.runBilling.run as { status: string; invoicesIssued: number };
}

interface InvoiceRow {
  id: string;
  number: string;
  status: string;
  subscription_id: string;
  period_start: string;
  period_end: string;
  issue_date: string;
  subtotal_minor: string;
  tax_minor: string;
  total_minor: string;
  paid_minor: string;
  lines: { kind: string; amount: number; tax: number; description: string }[];
}

function invoicesOf(tenantId: string): Promise<InvoiceRow[]> {
  return withBillingDb(async (client) => {
    const { rows } = await client.query<InvoiceRow>(
      `select i.id, i.number, i.status, i.subscription_id, i.period_start::text, i.period_end::text, i.issue_date::text,
              i.subtotal_minor, i.tax_minor, i.total_minor, i.paid_minor,
              coalesce((select json_agg(json_build_object('kind', l.kind, 'amount', l.amount_minor, 'tax', l.tax_minor, 'description', l.description) order by l.position)
                          from invoice_line l where l.invoice_id = i.id), '[]') as lines
         from invoice i where i.tenant_id = $1 order by i.number`,
      [tenantId],
    );
    return rows;
  });
}

const sequenceOf = (rows: InvoiceRow[]) => rows.map((row) => Number(row.number.replace(/^\D+/, ''))).sort((a, b) => a - b);

describe('billing run', () => {
  let isp: Isp;
  let tenantId: string;

  beforeAll(async () => {
    isp = await createIsp('billrun');
    tenantId = fromGlobalId(isp.tenantId).id;
  });

  it('issues each due period once, numbered without gaps, and a second run issues nothing', async () => {
    const { planId } = await withBillingDb(async (client) => {
      const planId = await seedPlan(client, tenantId, { priceMinor: 7999, setupFeeMinor: 4900 });
      for (let i = 0; i < 30; i += 1) {
        const subscriberId = await seedAccount(client, tenantId);
        await seedSubscription(client, tenantId, { subscriberId, planId, startDate: '2026-03-10' });
      }
      return { planId };
    });
    expect(planId).toBeTruthy();
    const first = await runBilling(isp, '2026-03-10');
    expect(first).toMatchObject({ status: 'COMPLETED', invoicesIssued: 30 });
    const again = await runBilling(isp, '2026-03-10');
    expect(again.invoicesIssued).toBe(0);
    const invoices = await invoicesOf(tenantId);
    expect(sequenceOf(invoices)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    for (const invoice of invoices) {
      expect(invoice.status).toBe('issued');
      expect(invoice.period_start).toBe('2026-03-10');
      expect(invoice.period_end).toBe('2026-04-10');
      expect(invoice.lines.map((line) => [line.kind, line.amount])).toEqual([
        ['plan', 7999],
        ['setup_fee', 4900],
      ]);
      expect(Number(invoice.total_minor)).toBe(7999 + 4900);
    }
    // The next period comes a month later, without the setup fee.
    expect((await runBilling(isp, '2026-04-10')).invoicesIssued).toBe(30);
    const april = (await invoicesOf(tenantId)).filter((invoice) => invoice.period_start === '2026-04-10');
    expect(april.every((invoice) => Number(invoice.total_minor) === 7999)).toBe(true);
  });

  it('prorates a fixed-day start by actual days, taxes each line per rate, charges graduated usage in arrears', async () => {
    const other = await createIsp('billprorate');
    const otherTenant = fromGlobalId(other.tenantId).id;
    const subscriberId = await withBillingDb(async (client) => {
      const subscriberId = await seedAccount(client, otherTenant, ['US-CA', 'US-CA-LA', 'US-CA-LA-1', 'US-CA-LA-2']);
      for (const [jurisdiction, rate] of [['US-CA', '7.25'], ['US-CA-LA', '0.25'], ['US-CA-LA-1', '0.75'], ['US-CA-LA-2', '0.50']]) {
        await seedTaxRate(client, otherTenant, jurisdiction!, rate!);
      }
      const monthly = await seedPlan(client, otherTenant, { priceMinor: 3000, name: 'Basic 30' });
      // 30.00 from Jan 15 to Jan 31 inclusive = 17 of 31 days = 16.45.
      await seedSubscription(client, otherTenant, { subscriberId, planId: monthly, startDate: '2026-01-15', fixedDay: 1, anchorDate: '2026-02-01', firstIndex: -1 });
      const metered = await seedPlan(client, otherTenant, {
        priceMinor: 10000,
        name: 'Metered',
        usage: { metric: 'data', aggregation: 'sum', tiers: [{ upTo: '100', unitPrice: '10' }, { upTo: '500', unitPrice: '5' }, { upTo: null, unitPrice: '1' }] },
      });
      await seedSubscription(client, otherTenant, { subscriberId, planId: metered, startDate: '2026-01-01' });
      for (const [day, gb] of [['05', '300'], ['20', '450'], ['31', '0']]) {
        await client.query(
          `insert into usage_event (id, tenant_id, event_id, subscriber_id, metric, quantity, occurred_at) values (gen_random_uuid(), $1, $2, $3, 'data', $4, $5)`,
          [otherTenant, `ev-${day}`, subscriberId, gb, `2026-01-${day}T12:00:00Z`],
        );
      }
      return subscriberId;
    });
    expect((await runBilling(other, '2026-01-15')).invoicesIssued).toBe(2);
    const january = await invoicesOf(otherTenant);
    const prorated = january.find((invoice) => invoice.period_start === '2026-01-15')!;
    expect(prorated.lines).toMatchObject([{ kind: 'proration', amount: 1645 }]);
    const metered = january.find((invoice) => invoice.period_start === '2026-01-01')!;
    // 100.00 at 7.25% + 0.25% + 0.75% + 0.50% = 8.75 tax, 108.75 total.
    expect(metered.lines).toMatchObject([{ kind: 'plan', amount: 10000, tax: 875 }]);
    expect(Number(metered.total_minor)).toBe(10875);

    expect((await runBilling(other, '2026-02-01')).invoicesIssued).toBe(2);
    const february = (await invoicesOf(otherTenant)).find((invoice) => invoice.period_start === '2026-02-01' && invoice.lines.some((line) => line.kind === 'usage'))!;
    // 750 GB over [100 @ 0.10, 400 @ 0.05, rest @ 0.01] = 32.50, taxed per rate on its own line.
    const usage = february.lines.find((line) => line.kind === 'usage')!;
    expect(usage.amount).toBe(3250);
    expect(usage.tax).toBe(236 + 8 + 24 + 16);
    for (const invoice of await invoicesOf(otherTenant)) {
      const lines = invoice.lines.reduce((sum, line) => sum + line.amount, 0);
      const taxes = invoice.lines.reduce((sum, line) => sum + line.tax, 0);
      expect(Number(invoice.subtotal_minor)).toBe(lines);
      expect(Number(invoice.total_minor)).toBe(lines + taxes);
    }
    expect(subscriberId).toBeTruthy();
  });

  it('bills an anniversary on the 31st on the last day of shorter months, never skipping or doubling one', async () => {
    const other = await createIsp('billanniv');
    const otherTenant = fromGlobalId(other.tenantId).id;
    await withBillingDb(async (client) => {
      const subscriberId = await seedAccount(client, otherTenant);
      const planId = await seedPlan(client, otherTenant, { priceMinor: 5000 });
      await seedSubscription(client, otherTenant, { subscriberId, planId, startDate: '2026-01-31' });
    });
    expect((await runBilling(other, '2026-07-01')).invoicesIssued).toBe(6);
    const periods = (await invoicesOf(otherTenant)).map((invoice) => [invoice.period_start, invoice.period_end]);
    expect(periods).toEqual([
      ['2026-01-31', '2026-02-28'],
      ['2026-02-28', '2026-03-31'],
      ['2026-03-31', '2026-04-30'],
      ['2026-04-30', '2026-05-31'],
      ['2026-05-31', '2026-06-30'],
      ['2026-06-30', '2026-07-31'],
    ]);
  });

  it('applies earlier credit to the new invoices', async () => {
    const other = await createIsp('billcredit');
    const otherTenant = fromGlobalId(other.tenantId).id;
    await withBillingDb(async (client) => {
      const subscriberId = await seedAccount(client, otherTenant);
      const planId = await seedPlan(client, otherTenant, { priceMinor: 5000 });
      await seedSubscription(client, otherTenant, { subscriberId, planId, startDate: '2026-05-01' });
      await client.query(
        `insert into payment (id, tenant_id, subscriber_id, amount_minor, currency, method, unallocated_minor, received_at, created_at)
         values (gen_random_uuid(), $1, $2, 7000, 'USD', 'cash', 7000, now(), now())`,
        [otherTenant, subscriberId],
      );
    });
    expect((await runBilling(other, '2026-06-01')).invoicesIssued).toBe(2);
    const [may, june] = await invoicesOf(otherTenant);
    expect([may!.status, Number(may!.paid_minor)]).toEqual(['paid', 5000]);
    expect([june!.status, Number(june!.paid_minor)]).toEqual(['partially_paid', 2000]);
    const credit = await withBillingDb(async (client) => (await client.query(`select unallocated_minor from payment where tenant_id = $1`, [otherTenant])).rows[0]);
    expect(Number(credit.unallocated_minor)).toBe(0);
  });

  it('survives being killed midway: the next run completes with no duplicate, no gap and no half-written invoice', async () => {
    const other = await createIsp('billkill');
    const otherTenant = fromGlobalId(other.tenantId).id;
    const total = 400;
    await withBillingDb(async (client) => {
      const planId = await seedPlan(client, otherTenant, { priceMinor: 2500 });
      for (let i = 0; i < total; i += 1) {
        const subscriberId = await seedAccount(client, otherTenant);
        await seedSubscription(client, otherTenant, { subscriberId, planId, startDate: '2026-08-01' });
      }
    });
    const child = spawn(process.execPath, ['subgraphs/billing/dist/cli/run-billing.js'], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH, DATABASE_URL: platform().appDatabaseUrls.billing, TENANT_ID: otherTenant, AS_OF: '2026-08-01', BATCH_SIZE: '4' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (/issued \d+/.test(output)) {
          child.kill('SIGKILL');
        }
      });
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', () => resolve());
      child.once('error', reject);
    });
    const partial = await invoicesOf(otherTenant);
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(total);
    const resumed = await runBilling(other, '2026-08-01');
    expect(resumed.invoicesIssued).toBe(total - partial.length);
    const invoices = await invoicesOf(otherTenant);
    expect(sequenceOf(invoices)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(new Set(invoices.map((invoice) => invoice.subscription_id)).size).toBe(total);
    expect(invoices.every((invoice) => invoice.status === 'issued' && invoice.lines.length === 1 && Number(invoice.total_minor) === 2500)).toBe(true);
    const runs = await withBillingDb(async (client) => (await client.query(`select status from billing_run where tenant_id = $1 order by started_at`, [otherTenant])).rows);
    expect(runs.at(-1)!.status).toBe('completed');
  });

  it('refuses bad input with coded errors', async () => {
    const tooFar = await gql(RUN, { input: { asOf: '2099-01-01' } }, { token: isp.admin.accessToken });
    expect(dataOf(tooFar).runBilling.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['asOf'] });
    const notADate = await gql(RUN, { input: { asOf: '2026-02-30' } }, { token: isp.admin.accessToken });
    expect(notADate.errors?.[0]?.extensions?.code, JSON.stringify(notADate.errors)).toBe('BAD_USER_INPUT');
  });
});
