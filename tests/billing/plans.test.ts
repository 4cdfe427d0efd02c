import { beforeAll, describe, expect, it } from 'vitest';
import { codeOf, dataOf, gql } from '../support/client.js';
import { createIsp, createSubscribers, type Isp } from '../support/fixtures.js';
import { CREATE_PLAN, createPlan, ERRORS, PLAN_FIELDS, staffLogin, subscribe, today, uniqueCode, UPDATE_PLAN } from './billing-fixtures.js';

const LIST = `query($filter: ServicePlanFilter, $orderBy: ServicePlanOrder, $first: Int, $after: String) {
  servicePlans(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { totalCount edges { cursor node { code name status kind price { amount } } } pageInfo { hasNextPage endCursor } } }`;
const ONE = `query($id: ID!) { servicePlan(id: $id) { ${PLAN_FIELDS} } }`;
const ARCHIVE = `mutation($input: ServicePlanIdInput!) { archiveServicePlan(input: $input) { plan { status } ${ERRORS} } }`;
const UNARCHIVE = `mutation($input: ServicePlanIdInput!) { unarchiveServicePlan(input: $input) { plan { status } ${ERRORS} } }`;

describe('service plans', () => {
  let isp: Isp;
  let token: string;
  const count = async () => dataOf(await gql(`{ servicePlans { totalCount } }`, {}, { token })).servicePlans.totalCount as number;

  beforeAll(async () => {
    isp = await createIsp('plans');
    token = isp.admin.accessToken;
  });

  it('creates a recurring plan with speeds, contract and graduated usage pricing, readable by id and node(id)', async () => {
    const plan = await createPlan(token, {
      code: 'FIBER-100',
      name: '  Fiber 100  ',
      description: 'Symmetric fibre',
      price: 7999,
      setupFee: 4900,
      downloadKbps: 100_000,
      uploadKbps: 100_000,
      minContractMonths: 12,
      usagePricing: { metric: 'data_gb', aggregation: 'SUM', unit: 'GB', tiers: [{ upTo: '100.000', unitPrice: '10' }, { upTo: '500', unitPrice: '5.5' }, { unitPrice: '1' }] },
    });
    expect(plan).toMatchObject({
      code: 'FIBER-100',
      name: 'Fiber 100',
      kind: 'RECURRING',
      interval: 'MONTHLY',
      currency: 'USD',
      price: { amount: 7999, currency: 'USD', decimal: '79.99' },
      setupFee: { amount: 4900, currency: 'USD', decimal: '49.00' },
      downloadKbps: 100_000,
      minContractMonths: 12,
      status: 'ACTIVE',
      usagePricing: { metric: 'data_gb', aggregation: 'SUM', unit: 'GB', tiers: [{ upTo: '100', unitPrice: '10' }, { upTo: '500', unitPrice: '5.5' }, { upTo: null, unitPrice: '1' }] },
    });
    expect(dataOf(await gql(ONE, { id: plan.id }, { token })).servicePlan).toEqual(plan);
    const node = dataOf(await gql(`query($id: ID!) { node(id: $id) { id ... on ServicePlan { code price { decimal } } } }`, { id: plan.id }, { token }));
    expect(node.node).toEqual({ id: plan.id, code: 'FIBER-100', price: { decimal: '79.99' } });
  });

  it('creates a one-time plan in another currency, without interval', async () => {
    const plan = await createPlan(token, { code: uniqueCode('install'), name: 'Installation', kind: 'ONE_TIME', interval: null, currency: 'eur', price: 15000 });
    expect(plan).toMatchObject({ kind: 'ONE_TIME', interval: null, currency: 'EUR', price: { amount: 15000, currency: 'EUR', decimal: '150.00' }, usagePricing: null });
  });

  it('refuses bad input with coded userErrors and writes nothing', async () => {
    const before = await count();
    const base = { code: uniqueCode('bad'), name: 'Bad', kind: 'RECURRING', interval: 'MONTHLY', price: 1000 };
    const cases: Array<[Record<string, unknown>, string, string[]]> = [
      [{ price: -1 }, 'BAD_USER_INPUT', ['price']],
      [{ price: 1_000_000_001 }, 'BAD_USER_INPUT', ['price']],
      [{ setupFee: -500 }, 'BAD_USER_INPUT', ['setupFee']],
      [{ currency: 'XYZ' }, 'BAD_USER_INPUT', ['currency']],
      [{ currency: 'dollars' }, 'BAD_USER_INPUT', ['currency']],
      [{ kind: 'ONE_TIME' }, 'BAD_USER_INPUT', ['interval']],
      [{ interval: null }, 'BAD_USER_INPUT', ['interval']],
      [{ kind: 'ONE_TIME', interval: null, minContractMonths: 12 }, 'BAD_USER_INPUT', ['minContractMonths']],
      [{ minContractMonths: 121 }, 'BAD_USER_INPUT', ['minContractMonths']],
      [{ downloadKbps: 0 }, 'BAD_USER_INPUT', ['downloadKbps']],
      [{ uploadKbps: -10 }, 'BAD_USER_INPUT', ['uploadKbps']],
      [{ code: 'has spaces' }, 'BAD_USER_INPUT', ['code']],
      [{ name: '   ' }, 'BAD_USER_INPUT', ['name']],
      [{ usagePricing: { metric: 'Data GB', aggregation: 'SUM', tiers: [{ unitPrice: '1' }] } }, 'BAD_USER_INPUT', ['usagePricing', 'metric']],
      [{ usagePricing: { metric: 'data_gb', aggregation: 'SUM', tiers: [{ upTo: '500', unitPrice: '1' }, { upTo: '100', unitPrice: '1' }, { unitPrice: '1' }] } }, 'BAD_USER_INPUT', ['usagePricing', 'tiers', '1', 'upTo']],
      [{ usagePricing: { metric: 'data_gb', aggregation: 'SUM', tiers: [{ unitPrice: '1' }, { upTo: '100', unitPrice: '1' }] } }, 'BAD_USER_INPUT', ['usagePricing', 'tiers', '0', 'upTo']],
      [{ usagePricing: { metric: 'data_gb', aggregation: 'SUM', tiers: [{ unitPrice: '-0.5' }] } }, 'BAD_USER_INPUT', ['usagePricing', 'tiers', '0', 'unitPrice']],
      [{ kind: 'ONE_TIME', interval: null, usagePricing: { metric: 'data_gb', aggregation: 'SUM', tiers: [{ unitPrice: '1' }] } }, 'BAD_USER_INPUT', ['usagePricing']],
    ];
    for (const [change, code, field] of cases) {
      const result = dataOf(await gql(CREATE_PLAN, { input: { ...base, ...change } }, { token })).createServicePlan;
      expect({ change, errors: result.userErrors }).toEqual({ change, errors: [{ code, field, message: expect.any(String) }] });
      expect(result.plan).toBeNull();
    }
    // Not even a whole number of minor units: refused by the schema itself.
    expect(codeOf(await gql(CREATE_PLAN, { input: { ...base, price: 79.99 } }, { token }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(CREATE_PLAN, { input: { ...base, price: 3_000_000_000 } }, { token }))).toBe('BAD_USER_INPUT');
    expect(await count()).toBe(before);
  });

  it('refuses a taken code, and of concurrent creates with one code exactly one wins', async () => {
    const code = uniqueCode('dup');
    await createPlan(token, { code });
    const again = dataOf(await gql(CREATE_PLAN, { input: { code, name: 'Again', kind: 'RECURRING', interval: 'MONTHLY', price: 1 } }, { token })).createServicePlan;
    expect(again.userErrors).toEqual([{ code: 'CONFLICT', field: ['code'], message: expect.any(String) }]);
    const raced = uniqueCode('race');
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => gql(CREATE_PLAN, { input: { code: raced, name: `Race ${i}`, kind: 'RECURRING', interval: 'MONTHLY', price: 100 } }, { token })),
    );
    const payloads = results.map((result) => dataOf(result).createServicePlan);
    expect(payloads.filter((payload) => payload.plan)).toHaveLength(1);
    expect(payloads.filter((payload) => !payload.plan).every((payload) => payload.userErrors[0].code === 'CONFLICT')).toBe(true);
    const listed = dataOf(await gql(LIST, { filter: { search: raced } }, { token }));
    expect(listed.servicePlans.totalCount).toBe(1);
  });

  it('updates name, price, speeds and contract; the currency only while no subscription bills in it', async () => {
    const plan = await createPlan(token, { downloadKbps: 50_000 });
    const updated = dataOf(
      await gql(UPDATE_PLAN, { input: { planId: plan.id, name: 'Fiber 150', price: 8999, setupFee: 0, downloadKbps: null, uploadKbps: 20_000, minContractMonths: 24, currency: 'CAD' } }, { token }),
    ).updateServicePlan;
    expect(updated.userErrors).toEqual([]);
    expect(updated.plan).toMatchObject({ name: 'Fiber 150', price: { amount: 8999, currency: 'CAD' }, setupFee: { amount: 0 }, downloadKbps: null, uploadKbps: 20_000, minContractMonths: 24 });
    const bad = dataOf(await gql(UPDATE_PLAN, { input: { planId: plan.id, price: -5 } }, { token })).updateServicePlan;
    expect(bad.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['price'] });

    const usd = await createPlan(token);
    const [subscriberId] = await createSubscribers(token, 1, 'Plan holder');
    await subscribe(token, { subscriberId, planId: usd.id, startDate: today() });
    const locked = dataOf(await gql(UPDATE_PLAN, { input: { planId: usd.id, currency: 'EUR' } }, { token })).updateServicePlan;
    expect(locked.userErrors).toEqual([{ code: 'CONFLICT', field: ['currency'], message: expect.any(String) }]);
    // A new price is fine: issued invoices keep theirs, future periods bill the new one.
    const repriced = dataOf(await gql(UPDATE_PLAN, { input: { planId: usd.id, price: 8499 } }, { token })).updateServicePlan;
    expect(repriced.plan.price).toEqual({ amount: 8499, currency: 'USD', decimal: '84.99' });
    const missing = dataOf(await gql(UPDATE_PLAN, { input: { planId: 'not-an-id', price: 1 } }, { token })).updateServicePlan;
    expect(missing.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['planId'] });
  });

  it('archives and unarchives', async () => {
    const plan = await createPlan(token);
    expect(dataOf(await gql(ARCHIVE, { input: { planId: plan.id } }, { token })).archiveServicePlan.plan.status).toBe('ARCHIVED');
    expect(dataOf(await gql(ONE, { id: plan.id }, { token })).servicePlan.status).toBe('ARCHIVED');
    expect(dataOf(await gql(UNARCHIVE, { input: { planId: plan.id } }, { token })).unarchiveServicePlan.plan.status).toBe('ACTIVE');
  });

  it('lists with filters, ordering and cursor pagination', async () => {
    const other = await createIsp('plans-list');
    const own = other.admin.accessToken;
    for (let i = 0; i < 12; i += 1) await createPlan(own, { code: `P-${String(i).padStart(2, '0')}`, name: `Plan ${String(i).padStart(2, '0')}`, price: 1000 + ((i * 7) % 12) * 100 });
    await createPlan(own, { code: 'SETUP', name: 'Setup visit', kind: 'ONE_TIME', interval: null, price: 5000 });
    const archived = await createPlan(own, { code: 'OLD', name: 'Old plan' });
    dataOf(await gql(ARCHIVE, { input: { planId: archived.id } }, { token: own }));

    const codes: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 3; page += 1) {
      const data: any = dataOf(await gql(LIST, { first: 5, after, orderBy: { field: 'CODE', direction: 'ASC' } }, { token: own }));
      expect(data.servicePlans.totalCount).toBe(14);
      codes.push(...data.servicePlans.edges.map((edge: any) => edge.node.code));
      after = data.servicePlans.pageInfo.endCursor;
    }
    expect(codes).toEqual([...Array.from({ length: 12 }, (_, i) => `P-${String(i).padStart(2, '0')}`), 'OLD', 'SETUP'].sort());
    const byPrice = dataOf(await gql(LIST, { first: 100, filter: { kind: ['RECURRING'], status: ['ACTIVE'] }, orderBy: { field: 'PRICE', direction: 'DESC' } }, { token: own }));
    const prices = byPrice.servicePlans.edges.map((edge: any) => edge.node.price.amount);
    expect(prices).toHaveLength(12);
    expect([...prices].sort((a, b) => b - a)).toEqual(prices);
    expect(dataOf(await gql(LIST, { filter: { status: ['ARCHIVED'] } }, { token: own })).servicePlans.edges.map((edge: any) => edge.node.code)).toEqual(['OLD']);
    expect(dataOf(await gql(LIST, { filter: { kind: ['ONE_TIME'] } }, { token: own })).servicePlans.totalCount).toBe(1);
    expect(dataOf(await gql(LIST, { filter: { search: 'visit' } }, { token: own })).servicePlans.edges[0].node.code).toBe('SETUP');
  });

  it('lets support agents read the catalog but not change it; NOC reads no billing', async () => {
    const agent = await staffLogin(isp.tenantId, isp.slug, ['SUPPORT_AGENT']);
    expect(await dataOf(await gql(`{ servicePlans { totalCount } }`, {}, { token: agent.accessToken })).servicePlans.totalCount).toBeGreaterThan(0);
    expect(codeOf(await gql(CREATE_PLAN, { input: { code: 'X', name: 'X', kind: 'RECURRING', interval: 'MONTHLY', price: 1 } }, { token: agent.accessToken }))).toBe('FORBIDDEN');
    const noc = await staffLogin(isp.tenantId, isp.slug, ['NOC']);
    expect(codeOf(await gql(`{ servicePlans { totalCount } }`, {}, { token: noc.accessToken }))).toBe('FORBIDDEN');
  });

  it("keeps plans to their ISP: another ISP cannot see, change or subscribe to them", async () => {
    const plan = await createPlan(token, { code: uniqueCode('private') });
    const other = await createIsp('plans-other');
    const theirs = other.admin.accessToken;
    expect(codeOf(await gql(ONE, { id: plan.id }, { token: theirs }))).toBe('NOT_FOUND');
    expect(codeOf(await gql(`query($id: ID!) { node(id: $id) { id ... on ServicePlan { code } } }`, { id: plan.id }, { token: theirs }))).toBe('NOT_FOUND');
    expect(dataOf(await gql(`{ servicePlans { totalCount } }`, {}, { token: theirs })).servicePlans.totalCount).toBe(0);
    expect(codeOf(await gql(`query($t: ID) { servicePlans(tenantId: $t) { totalCount } }`, { t: isp.tenantId }, { token: theirs }))).toBe('NOT_FOUND');
    const update = dataOf(await gql(UPDATE_PLAN, { input: { planId: plan.id, name: 'Hijacked' } }, { token: theirs })).updateServicePlan;
    expect(update.userErrors[0].code).toBe('NOT_FOUND');
    const archive = dataOf(await gql(ARCHIVE, { input: { planId: plan.id } }, { token: theirs })).archiveServicePlan;
    expect(archive.userErrors[0].code).toBe('NOT_FOUND');
    const [subscriberId] = await createSubscribers(theirs, 1, 'Other');
    const subscribed = dataOf(
      await gql(`mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { subscription { id } ${ERRORS} } }`, { input: { subscriberId, planId: plan.id } }, { token: theirs }),
    ).createSubscription;
    expect(subscribed.userErrors[0].code).toBe('NOT_FOUND');
    expect(dataOf(await gql(ONE, { id: plan.id }, { token })).servicePlan.name).toBe('Fiber 100');
  });
});
