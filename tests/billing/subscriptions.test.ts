import { beforeAll, describe, expect, it } from 'vitest';
import { clampedDate, parts } from '@dotmac/kernel';
import { codeOf, dataOf, gql } from '../support/client.js';
import { createIsp, createSubscribers, type Isp } from '../support/fixtures.js';
import {
  addDays,
  addMonths,
  CANCEL_SUBSCRIPTION,
  CREATE_SUBSCRIPTION,
  createPlan,
  ERRORS,
  subscribe,
  SUBSCRIPTION_FIELDS,
  today,
} from './billing-fixtures.js';

const ONE = `query($id: ID!) { subscription(id: $id) { ${SUBSCRIPTION_FIELDS} } }`;
const LIST = `query($filter: SubscriptionFilter, $orderBy: SubscriptionOrder, $first: Int, $after: String) {
  subscriptions(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { totalCount edges { node { id status startDate plan { code } } } pageInfo { hasNextPage endCursor } } }`;

describe('subscriptions', () => {
  let isp: Isp;
  let token: string;
  let monthly: any;
  let contract: any;
  let oneTime: any;
  let euro: any;
  let subscribers: string[];
  const create = async (input: Record<string, unknown>) => dataOf(await gql(CREATE_SUBSCRIPTION, { input }, { token })).createSubscription;
  const cancel = async (input: Record<string, unknown>) => dataOf(await gql(CANCEL_SUBSCRIPTION, { input }, { token })).cancelSubscription;
  const total = async () => dataOf(await gql(`{ subscriptions { totalCount } }`, {}, { token })).subscriptions.totalCount as number;

  beforeAll(async () => {
    isp = await createIsp('subscriptions');
    token = isp.admin.accessToken;
    monthly = await createPlan(token, { code: 'MONTHLY', price: 7999 });
    contract = await createPlan(token, { code: 'CONTRACT', price: 5999, minContractMonths: 12 });
    oneTime = await createPlan(token, { code: 'INSTALL', name: 'Installation', kind: 'ONE_TIME', interval: null, price: 15000 });
    euro = await createPlan(token, { code: 'EURO', currency: 'EUR', price: 4999 });
    subscribers = await createSubscribers(token, 8, 'Subscriber');
  });

  it('subscribes on the anniversary schedule by default, starting today', async () => {
    const start = today();
    const subscription = await subscribe(token, { subscriberId: subscribers[0], planId: monthly.id });
    expect(subscription).toMatchObject({
      subscriber: { id: subscribers[0] },
      plan: { id: monthly.id, code: 'MONTHLY' },
      status: 'ACTIVE',
      quantity: 1,
      priceOverride: null,
      unitPrice: { amount: 7999, currency: 'USD', decimal: '79.99' },
      startDate: start,
      endDate: null,
      billingDayMode: 'ANNIVERSARY',
      billingDay: parts(start).day,
      anchorDate: start,
      nextBillDate: start,
      contractEndDate: null,
      cancelledAt: null,
    });
    const end = addMonths(start, 1, parts(start).day);
    expect(subscription.currentPeriod).toEqual({ start, end, days: Math.round((Date.parse(end) - Date.parse(start)) / 86_400_000) });
    expect(dataOf(await gql(ONE, { id: subscription.id }, { token })).subscription).toEqual(subscription);
    const node = dataOf(await gql(`query($id: ID!) { node(id: $id) { id ... on ServiceSubscription { status plan { code } } } }`, { id: subscription.id }, { token }));
    expect(node.node).toEqual({ id: subscription.id, status: 'ACTIVE', plan: { code: 'MONTHLY' } });
  });

  it('on a fixed day, starts with a partial period up to the first billing day', async () => {
    const { year, month } = parts(addMonths(today(), 1, 1));
    const start = clampedDate(year, month, 15);
    const anchor = addMonths(start, 1, 1);
    const subscription = await subscribe(token, { subscriberId: subscribers[1], planId: monthly.id, startDate: start, billingDayMode: 'FIXED_DAY', billingDay: 1, quantity: 3, priceOverride: 6999 });
    expect(subscription).toMatchObject({
      billingDayMode: 'FIXED_DAY',
      billingDay: 1,
      anchorDate: anchor,
      nextBillDate: start,
      quantity: 3,
      priceOverride: { amount: 6999, currency: 'USD' },
      unitPrice: { amount: 6999, currency: 'USD' },
      currentPeriod: { start, end: anchor, days: Math.round((Date.parse(anchor) - Date.parse(start)) / 86_400_000) },
    });
  });

  it('bills a one-time plan once, on its start date, with no periods or contract', async () => {
    const start = addDays(today(), 3);
    const subscription = await subscribe(token, { subscriberId: subscribers[0], planId: oneTime.id, startDate: start });
    expect(subscription).toMatchObject({ startDate: start, anchorDate: start, nextBillDate: start, currentPeriod: null, contractEndDate: null, unitPrice: { amount: 15000 } });
    const fixed = await create({ subscriberId: subscribers[0], planId: oneTime.id, billingDayMode: 'FIXED_DAY', billingDay: 1 });
    expect(fixed.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['billingDayMode'] });
  });

  it('refuses bad input, writing nothing', async () => {
    const before = await total();
    const base = { subscriberId: subscribers[2], planId: monthly.id };
    const cases: Array<[Record<string, unknown>, string, string[]]> = [
      [{ quantity: 0 }, 'BAD_USER_INPUT', ['quantity']],
      [{ quantity: 10_001 }, 'BAD_USER_INPUT', ['quantity']],
      [{ priceOverride: -1 }, 'BAD_USER_INPUT', ['priceOverride']],
      [{ priceOverride: 1_000_000_001 }, 'BAD_USER_INPUT', ['priceOverride']],
      [{ billingDayMode: 'FIXED_DAY' }, 'BAD_USER_INPUT', ['billingDay']],
      [{ billingDayMode: 'FIXED_DAY', billingDay: 32 }, 'BAD_USER_INPUT', ['billingDay']],
      [{ billingDayMode: 'FIXED_DAY', billingDay: 0 }, 'BAD_USER_INPUT', ['billingDay']],
      [{ startDate: today(), billingDay: (parts(today()).day % 28) + 1 }, 'BAD_USER_INPUT', ['billingDay']],
      [{ startDate: addDays(today(), -400) }, 'BAD_USER_INPUT', ['startDate']],
      [{ startDate: addMonths(today(), 25) }, 'BAD_USER_INPUT', ['startDate']],
      [{ subscriberId: 'not-a-global-id' }, 'BAD_USER_INPUT', ['subscriberId']],
      [{ subscriberId: isp.tenantId }, 'BAD_USER_INPUT', ['subscriberId']],
      [{ planId: subscribers[0] }, 'BAD_USER_INPUT', ['planId']],
    ];
    for (const [change, code, field] of cases) {
      const result = await create({ ...base, ...change });
      expect({ change, errors: result.userErrors }).toEqual({ change, errors: [{ code, field, message: expect.any(String) }] });
    }
    expect(codeOf(await gql(CREATE_SUBSCRIPTION, { input: { ...base, startDate: '2026-13-01' } }, { token }))).toBe('BAD_USER_INPUT');
    // Refused after the subscriber's account was opened in EUR: the account is rolled back too.
    const euroCharge = await createPlan(token, { code: 'EURO-INSTALL', kind: 'ONE_TIME', interval: null, currency: 'EUR', price: 9900 });
    const late = await create({ subscriberId: subscribers[2], planId: euroCharge.id, billingDayMode: 'FIXED_DAY', billingDay: 1 });
    expect(late.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['billingDayMode'] });
    expect(await total()).toBe(before);
    expect(dataOf(await gql(`query($id: ID!) { billingAccount(subscriberId: $id) { currency } }`, { id: subscribers[2] }, { token })).billingAccount.currency).toBe('USD');
  });

  it('refuses an archived plan for new subscriptions, while existing ones continue', async () => {
    const plan = await createPlan(token, { code: 'RETIRING' });
    const existing = await subscribe(token, { subscriberId: subscribers[3], planId: plan.id });
    dataOf(await gql(`mutation($input: ServicePlanIdInput!) { archiveServicePlan(input: $input) { ${ERRORS} } }`, { input: { planId: plan.id } }, { token }));
    const refused = await create({ subscriberId: subscribers[4], planId: plan.id });
    expect(refused.userErrors).toEqual([{ code: 'CONFLICT', field: ['planId'], message: expect.stringContaining('archived') }]);
    expect(dataOf(await gql(ONE, { id: existing.id }, { token })).subscription.status).toBe('ACTIVE');
  });

  it('never mixes currencies on one subscriber', async () => {
    // A USD account (opened by its first subscription) refuses a EUR plan.
    await subscribe(token, { subscriberId: subscribers[5], planId: monthly.id });
    const mixed = await create({ subscriberId: subscribers[5], planId: euro.id });
    expect(mixed.userErrors).toEqual([{ code: 'BAD_USER_INPUT', field: ['currency'], message: expect.stringContaining('USD') }]);
    // A subscriber whose first subscription is in EUR is billed in EUR from then on.
    const first = await subscribe(token, { subscriberId: subscribers[6], planId: euro.id });
    expect(first.unitPrice).toEqual({ amount: 4999, currency: 'EUR', decimal: '49.99' });
    expect(dataOf(await gql(`query($id: ID!) { billingAccount(subscriberId: $id) { currency } }`, { id: subscribers[6] }, { token })).billingAccount.currency).toBe('EUR');
    expect((await create({ subscriberId: subscribers[6], planId: monthly.id })).userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['currency'] });
  });

  it('cancels at the end of the current period by default; the last period is still billed', async () => {
    const start = addDays(today(), -40);
    const subscription = await subscribe(token, { subscriberId: subscribers[7], planId: monthly.id, startDate: start });
    const period = subscription.currentPeriod;
    expect(period.start <= today() && today() < period.end).toBe(true);
    const cancelled = await cancel({ subscriptionId: subscription.id });
    expect(cancelled.userErrors).toEqual([]);
    expect(cancelled.subscription).toMatchObject({ status: 'CANCELLED', endDate: addDays(period.end, -1), nextBillDate: start, currentPeriod: period });
    expect(cancelled.subscription.cancelledAt).toEqual(expect.any(String));
    const again = await cancel({ subscriptionId: subscription.id });
    expect(again.userErrors).toEqual([{ code: 'CONFLICT', field: ['subscriptionId'], message: expect.any(String) }]);
  });

  it('holds the minimum contract unless overridden, and refuses dates out of order', async () => {
    const start = today();
    const held = await subscribe(token, { subscriberId: subscribers[7], planId: contract.id, startDate: start });
    expect(held.contractEndDate).toBe(addMonths(start, 12));
    const early = await cancel({ subscriptionId: held.id });
    expect(early.userErrors).toEqual([{ code: 'CONFLICT', field: ['effectiveDate'], message: expect.stringContaining(held.contractEndDate) }]);
    expect((await cancel({ subscriptionId: held.id, effectiveDate: addDays(held.contractEndDate, -1) })).userErrors[0].code).toBe('CONFLICT');
    expect((await cancel({ subscriptionId: held.id, effectiveDate: addDays(today(), -1), overrideContract: true })).userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['effectiveDate'] });
    expect(dataOf(await gql(ONE, { id: held.id }, { token })).subscription.status).toBe('ACTIVE');
    const overridden = await cancel({ subscriptionId: held.id, overrideContract: true });
    expect(overridden.subscription).toMatchObject({ status: 'CANCELLED', endDate: addDays(addMonths(start, 1, parts(start).day), -1) });

    const onTime = await subscribe(token, { subscriberId: subscribers[7], planId: contract.id, startDate: start });
    const served = await cancel({ subscriptionId: onTime.id, effectiveDate: onTime.contractEndDate });
    expect(served.subscription).toMatchObject({ status: 'CANCELLED', endDate: addDays(onTime.contractEndDate, -1) });

    const future = await subscribe(token, { subscriberId: subscribers[7], planId: monthly.id, startDate: addDays(today(), 10) });
    expect((await cancel({ subscriptionId: future.id, effectiveDate: addDays(today(), 10) })).userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['effectiveDate'] });
    const beforeStart = await cancel({ subscriptionId: future.id });
    expect(beforeStart.subscription).toMatchObject({ status: 'CANCELLED', endDate: addDays(future.currentPeriod.end, -1) });

    const charge = await subscribe(token, { subscriberId: subscribers[7], planId: oneTime.id, startDate: addDays(today(), 5) });
    expect((await cancel({ subscriptionId: charge.id })).subscription).toMatchObject({ status: 'CANCELLED', nextBillDate: null, endDate: null });
  });

  it('lists with filters and pagination', async () => {
    const all: string[] = [];
    let after: string | null = null;
    do {
      const data: any = dataOf(await gql(LIST, { first: 4, after, orderBy: { field: 'CREATED_AT', direction: 'ASC' } }, { token }));
      all.push(...data.subscriptions.edges.map((edge: any) => edge.node.id));
      after = data.subscriptions.pageInfo.hasNextPage ? data.subscriptions.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(all).size).toBe(await total());
    const cancelled = dataOf(await gql(LIST, { first: 100, filter: { status: ['CANCELLED'] } }, { token })).subscriptions;
    expect(cancelled.totalCount).toBe(5);
    const byPlan = dataOf(await gql(LIST, { first: 100, filter: { planId: contract.id } }, { token })).subscriptions;
    expect(byPlan.edges.every((edge: any) => edge.node.plan.code === 'CONTRACT')).toBe(true);
    expect(byPlan.totalCount).toBe(2);
    const ofOne = dataOf(await gql(LIST, { first: 100, filter: { subscriberId: subscribers[0] }, orderBy: { field: 'START_DATE', direction: 'DESC' } }, { token })).subscriptions;
    expect(ofOne.edges.map((edge: any) => edge.node.plan.code)).toEqual(['INSTALL', 'MONTHLY']);
  });
});
