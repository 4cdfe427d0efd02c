import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromGlobalId } from '@dotmac/kernel';
import { codeOf, dataOf, gql } from '../support/client.js';
import { createIsp, createSubscribers, type Isp } from '../support/fixtures.js';
import { platform } from '../support/platform-context.js';
import { addDays, ERRORS, portalLogin, staffLogin, today } from './billing-fixtures.js';

const RATE = `id name jurisdiction rate effectiveFrom effectiveTo`;
const CREATE = `mutation($input: CreateTaxRateInput!) { createTaxRate(input: $input) { taxRate { ${RATE} } ${ERRORS} } }`;
const END = `mutation($input: EndTaxRateInput!) { endTaxRate(input: $input) { taxRate { ${RATE} } ${ERRORS} } }`;
const LIST = `query($jurisdiction: String, $activeOn: Date) { taxRates(jurisdiction: $jurisdiction, activeOn: $activeOn, first: 100, orderBy: { field: NAME, direction: ASC }) { totalCount edges { node { ${RATE} } } } }`;

/** Writes an issued invoice taxed at `taxRateId` straight into the ledger tables (the ledger API is elsewhere). */
async function issueInvoiceTaxedAt(isp: Isp, subscriberGlobalId: string, taxRateId: string, issueDate: string): Promise<void> {
  const client = new pg.Client({ connectionString: platform().ownerDatabaseUrls.billing });
  await client.connect();
  const tenantId = fromGlobalId(isp.tenantId).id;
  const subscriberId = fromGlobalId(subscriberGlobalId).id;
  const [invoiceId, lineId] = [randomUUID(), randomUUID()];
  try {
    await client.query('begin');
    await client.query(`select set_config('app.scope', 'platform', true)`);
    await client.query(
      `insert into invoice (id, tenant_id, subscriber_id, kind, status, currency, subtotal_minor, tax_minor, total_minor, created_at)
       values ($1, $2, $3, 'manual', 'draft', 'USD', 10000, 725, 10725, now())`,
      [invoiceId, tenantId, subscriberId],
    );
    await client.query(
      `insert into invoice_line (id, tenant_id, invoice_id, position, kind, description, amount_minor, tax_minor) values ($1, $2, $3, 1, 'manual', 'Service', 10000, 725)`,
      [lineId, tenantId, invoiceId],
    );
    await client.query(
      `insert into invoice_line_tax (id, tenant_id, invoice_id, line_id, tax_rate_id, name, jurisdiction, rate, amount_minor) values ($1, $2, $3, $4, $5, 'State', 'US-TX', 7.25, 725)`,
      [randomUUID(), tenantId, invoiceId, lineId, fromGlobalId(taxRateId).id],
    );
    await client.query(`update invoice set status = 'issued', number = $2, issue_date = $3, due_date = $3, issued_at = now() where id = $1`, [invoiceId, `T-${invoiceId.slice(0, 8)}`, issueDate]);
    await client.query('commit');
  } finally {
    await client.end();
  }
}

describe('tax rates', () => {
  let isp: Isp;
  let token: string;
  const create = async (input: Record<string, unknown>) => dataOf(await gql(CREATE, { input }, { token })).createTaxRate;
  const end = async (input: Record<string, unknown>) => dataOf(await gql(END, { input }, { token })).endTaxRate;

  beforeAll(async () => {
    isp = await createIsp('tax');
    token = isp.admin.accessToken;
  });

  it('creates stacking rates of one jurisdiction and lists them by jurisdiction and date', async () => {
    const state = await create({ name: 'State', jurisdiction: 'us-ca', rate: '7.2500', effectiveFrom: '2026-01-01' });
    expect(state.userErrors).toEqual([]);
    expect(state.taxRate).toMatchObject({ name: 'State', jurisdiction: 'US-CA', rate: '7.25', effectiveFrom: '2026-01-01', effectiveTo: null });
    for (const [name, rate] of [['County', '0.25'], ['City', '0.75'], ['District', '0.5']]) {
      expect((await create({ name, jurisdiction: 'US-CA', rate, effectiveFrom: '2026-01-01', effectiveTo: '2027-12-31' })).userErrors).toEqual([]);
    }
    expect((await create({ name: 'State', jurisdiction: 'US-NV', rate: '6.85', effectiveFrom: '2026-01-01' })).userErrors).toEqual([]);
    const ca = dataOf(await gql(LIST, { jurisdiction: 'US-CA' }, { token })).taxRates;
    expect(ca.edges.map((edge: any) => `${edge.node.name} ${edge.node.rate}`)).toEqual(['City 0.75', 'County 0.25', 'District 0.5', 'State 7.25']);
    expect(dataOf(await gql(LIST, { jurisdiction: 'US-CA', activeOn: '2028-01-01' }, { token })).taxRates.edges.map((edge: any) => edge.node.name)).toEqual(['State']);
    expect(dataOf(await gql(LIST, { activeOn: '2025-12-31' }, { token })).taxRates.totalCount).toBe(0);
    expect(dataOf(await gql(LIST, {}, { token })).taxRates.totalCount).toBe(5);
  });

  it('refuses bad rates, bad jurisdictions and dates out of order, writing nothing', async () => {
    const base = { name: 'Bad', jurisdiction: 'US-WA', rate: '6.5', effectiveFrom: '2026-01-01' };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ rate: '0' }, 'rate'],
      [{ rate: '100' }, 'rate'],
      [{ rate: '-1' }, 'rate'],
      [{ rate: '7.12345' }, 'rate'],
      [{ rate: 'seven' }, 'rate'],
      [{ jurisdiction: 'not valid!' }, 'jurisdiction'],
      [{ name: ' ' }, 'name'],
      [{ effectiveTo: '2025-12-31' }, 'effectiveTo'],
    ];
    for (const [change, field] of cases) {
      const result = await create({ ...base, ...change });
      expect({ change, errors: result.userErrors }).toEqual({ change, errors: [{ code: 'BAD_USER_INPUT', field: [field], message: expect.any(String) }] });
    }
    expect(codeOf(await gql(CREATE, { input: { ...base, effectiveFrom: '2026-02-30' } }, { token }))).toBe('BAD_USER_INPUT');
    expect(dataOf(await gql(LIST, { jurisdiction: 'US-WA' }, { token })).taxRates.totalCount).toBe(0);
  });

  it('refuses two rates of one jurisdiction and name over overlapping dates, and lets one win a race', async () => {
    expect((await create({ name: 'Sales', jurisdiction: 'US-OR', rate: '1', effectiveFrom: '2026-01-01', effectiveTo: '2026-06-30' })).userErrors).toEqual([]);
    const overlapping = await create({ name: 'sales', jurisdiction: 'US-OR', rate: '2', effectiveFrom: '2026-06-30' });
    expect(overlapping.userErrors).toEqual([{ code: 'CONFLICT', field: ['effectiveFrom'], message: expect.any(String) }]);
    const inside = await create({ name: 'Sales', jurisdiction: 'US-OR', rate: '2', effectiveFrom: '2025-01-01', effectiveTo: '2026-01-01' });
    expect(inside.userErrors[0].code).toBe('CONFLICT');
    expect((await create({ name: 'Sales', jurisdiction: 'US-OR', rate: '2', effectiveFrom: '2026-07-01' })).userErrors).toEqual([]);
    expect((await create({ name: 'Sales', jurisdiction: 'US-ID', rate: '2', effectiveFrom: '2026-03-01' })).userErrors).toEqual([]);
    expect((await create({ name: 'Transit', jurisdiction: 'US-OR', rate: '0.1', effectiveFrom: '2026-03-01' })).userErrors).toEqual([]);

    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => gql(CREATE, { input: { name: 'Raced', jurisdiction: 'US-UT', rate: '4', effectiveFrom: `2026-0${i + 1}-01` } }, { token })),
    );
    const payloads = results.map((result) => dataOf(result).createTaxRate);
    expect(payloads.filter((payload) => payload.taxRate)).toHaveLength(1);
    expect(payloads.filter((payload) => !payload.taxRate).map((payload) => payload.userErrors[0].code)).toEqual(Array(5).fill('CONFLICT'));
  });

  it('ends a rate, never before an invoice it taxed, never reopening a lapsed one, never into a successor', async () => {
    const open = (await create({ name: 'State', jurisdiction: 'US-TX', rate: '6.25', effectiveFrom: addDays(today(), -200) })).taxRate;
    const [subscriberId] = await createSubscribers(token, 1, 'Taxed');
    dataOf(await gql(`mutation($input: UpdateBillingAccountInput!) { updateBillingAccount(input: $input) { ${ERRORS} } }`, { input: { subscriberId, taxJurisdictions: ['US-TX'] } }, { token }));
    const taxedOn = addDays(today(), -30);
    await issueInvoiceTaxedAt(isp, subscriberId!, open.id, taxedOn);

    const beforeFrom = await end({ taxRateId: open.id, effectiveTo: addDays(today(), -201) });
    expect(beforeFrom.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['effectiveTo'] });
    const beforeInvoice = await end({ taxRateId: open.id, effectiveTo: addDays(taxedOn, -1) });
    expect(beforeInvoice.userErrors).toEqual([{ code: 'CONFLICT', field: ['effectiveTo'], message: expect.stringContaining(taxedOn) }]);
    const ended = await end({ taxRateId: open.id, effectiveTo: taxedOn });
    expect(ended.userErrors).toEqual([]);
    expect(ended.taxRate.effectiveTo).toBe(taxedOn);
    const reopened = await end({ taxRateId: open.id, effectiveTo: addDays(today(), 30) });
    expect(reopened.userErrors).toEqual([{ code: 'CONFLICT', field: ['effectiveTo'], message: expect.stringContaining('new rate') }]);

    const current = (await create({ name: 'Local', jurisdiction: 'US-TX', rate: '1', effectiveFrom: addDays(today(), -10), effectiveTo: addDays(today(), 10) })).taxRate;
    (await create({ name: 'Local', jurisdiction: 'US-TX', rate: '2', effectiveFrom: addDays(today(), 20) })).taxRate;
    expect((await end({ taxRateId: current.id, effectiveTo: addDays(today(), 19) })).taxRate.effectiveTo).toBe(addDays(today(), 19));
    const intoSuccessor = await end({ taxRateId: current.id, effectiveTo: addDays(today(), 20) });
    expect(intoSuccessor.userErrors[0]).toMatchObject({ code: 'CONFLICT' });
    expect((await end({ taxRateId: current.id, effectiveTo: addDays(today(), -10) })).taxRate.effectiveTo).toBe(addDays(today(), -10));
    expect((await end({ taxRateId: 'garbage', effectiveTo: today() })).userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['taxRateId'] });
  });

  it('is for staff: support agents read, portal logins and other ISPs see nothing', async () => {
    const agent = await staffLogin(isp.tenantId, isp.slug, ['SUPPORT_AGENT']);
    expect(dataOf(await gql(LIST, {}, { token: agent.accessToken })).taxRates.totalCount).toBeGreaterThan(0);
    expect(codeOf(await gql(CREATE, { input: { name: 'X', jurisdiction: 'US-CA', rate: '1', effectiveFrom: '2030-01-01' } }, { token: agent.accessToken }))).toBe('FORBIDDEN');
    const [subscriberId] = await createSubscribers(token, 1, 'Portal');
    const portal = await portalLogin(isp.tenantId, isp.slug, subscriberId!);
    expect(codeOf(await gql(LIST, {}, { token: portal.accessToken }))).toBe('FORBIDDEN');

    const other = await createIsp('tax-other');
    expect(dataOf(await gql(LIST, {}, { token: other.admin.accessToken })).taxRates.totalCount).toBe(0);
    const mine = dataOf(await gql(LIST, {}, { token })).taxRates.edges[0].node;
    const hijack = dataOf(await gql(END, { input: { taxRateId: mine.id, effectiveTo: '2099-01-01' } }, { token: other.admin.accessToken })).endTaxRate;
    expect(hijack.userErrors[0].code).toBe('NOT_FOUND');
    expect(codeOf(await gql(`query($id: ID!) { node(id: $id) { id ... on TaxRate { rate } } }`, { id: mine.id }, { token: other.admin.accessToken }))).toBe('NOT_FOUND');
    expect(dataOf(await gql(`query($id: ID!) { node(id: $id) { id ... on TaxRate { rate } } }`, { id: mine.id }, { token })).node.rate).toBe(mine.rate);
  });
});
