import { beforeAll, describe, expect, it } from 'vitest';
import { codeOf, dataOf, gql } from '../support/client.js';
import { createIsp, createSubscribers, type Isp } from '../support/fixtures.js';
import { CANCEL_SUBSCRIPTION, CREATE_SUBSCRIPTION, createPlan, ERRORS, portalLogin, subscribe } from './billing-fixtures.js';
import { statementsSoFar } from '../support/sql-statements.js';

const LIST = `query($filter: SubscriptionFilter) { subscriptions(filter: $filter, first: 100) { totalCount edges { node { id subscriber { id } plan { code } } } } }`;
const ONE = `query($id: ID!) { subscription(id: $id) { id } }`;
const PLANS = `{ servicePlans(first: 100) { totalCount edges { node { id code } } } }`;
const SUBSCRIBER_SUBSCRIPTIONS = `query($id: ID!) { subscriber(id: $id) { id subscriptions { id plan { code } } } }`;

describe('who sees which subscriptions', () => {
  let isp: Isp;
  let token: string;
  let mine: string;
  let theirs: string;
  let myPlan: any;
  let theirPlan: any;
  let mySubscription: any;
  let theirSubscription: any;

  beforeAll(async () => {
    isp = await createIsp('portal');
    token = isp.admin.accessToken;
    [mine, theirs] = (await createSubscribers(token, 2, 'Household')) as [string, string];
    myPlan = await createPlan(token, { code: 'MINE' });
    theirPlan = await createPlan(token, { code: 'THEIRS' });
    await createPlan(token, { code: 'NOBODYS' });
    mySubscription = await subscribe(token, { subscriberId: mine, planId: myPlan.id });
    theirSubscription = await subscribe(token, { subscriberId: theirs, planId: theirPlan.id });
    await subscribe(token, { subscriberId: theirs, planId: myPlan.id });
  });

  it('a portal login sees only its own subscriptions and the plans it subscribes to', async () => {
    const portal = (await portalLogin(isp.tenantId, isp.slug, mine)).accessToken;
    const own = dataOf(await gql(LIST, {}, { token: portal })).subscriptions;
    expect(own.totalCount).toBe(1);
    expect(own.edges).toEqual([{ node: { id: mySubscription.id, subscriber: { id: mine }, plan: { code: 'MINE' } } }]);
    expect(dataOf(await gql(LIST, { filter: { subscriberId: theirs } }, { token: portal })).subscriptions.totalCount).toBe(0);
    expect(dataOf(await gql(LIST, { filter: { planId: theirPlan.id } }, { token: portal })).subscriptions.totalCount).toBe(0);
    expect(dataOf(await gql(ONE, { id: mySubscription.id }, { token: portal })).subscription.id).toBe(mySubscription.id);
    expect(codeOf(await gql(ONE, { id: theirSubscription.id }, { token: portal }))).toBe('NOT_FOUND');
    expect(codeOf(await gql(`query($id: ID!) { node(id: $id) { id ... on ServiceSubscription { status } } }`, { id: theirSubscription.id }, { token: portal }))).toBe('NOT_FOUND');

    const plans = dataOf(await gql(PLANS, {}, { token: portal })).servicePlans;
    expect(plans.edges.map((edge: any) => edge.node.code)).toEqual(['MINE']);
    expect(codeOf(await gql(`query($id: ID!) { servicePlan(id: $id) { code } }`, { id: theirPlan.id }, { token: portal }))).toBe('NOT_FOUND');

    const through = await gql(SUBSCRIBER_SUBSCRIPTIONS, { id: mine }, { token: portal });
    expect(dataOf(through).subscriber.subscriptions).toEqual([{ id: mySubscription.id, plan: { code: 'MINE' } }]);
    // Whatever the customers subgraph shows a portal login of another subscriber, billing shows none of its subscriptions.
    const other = await gql(SUBSCRIBER_SUBSCRIPTIONS, { id: theirs }, { token: portal });
    expect(JSON.stringify(other)).not.toContain(theirSubscription.id);

    expect(codeOf(await gql(CREATE_SUBSCRIPTION, { input: { subscriberId: mine, planId: myPlan.id } }, { token: portal }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(CANCEL_SUBSCRIPTION, { input: { subscriptionId: mySubscription.id } }, { token: portal }))).toBe('FORBIDDEN');
  });

  it('staff see every subscription of a subscriber through the Subscriber entity', async () => {
    const data = dataOf(await gql(`query($id: ID!) { subscriber(id: $id) { name subscriptions(status: [ACTIVE]) { plan { code } } } }`, { id: theirs }, { token }));
    expect(data.subscriber.subscriptions.map((subscription: any) => subscription.plan.code)).toEqual(['THEIRS', 'MINE']);
    dataOf(await gql(CANCEL_SUBSCRIPTION, { input: { subscriptionId: theirSubscription.id } }, { token }));
    const active = dataOf(await gql(`query($id: ID!) { subscriber(id: $id) { subscriptions(status: [ACTIVE]) { plan { code } } } }`, { id: theirs }, { token }));
    expect(active.subscriber.subscriptions.map((subscription: any) => subscription.plan.code)).toEqual(['MINE']);
  });

  it('another ISP can neither see nor touch them, nor subscribe this ISP\'s subscribers', async () => {
    const other = await createIsp('portal-other');
    const stranger = other.admin.accessToken;
    expect(codeOf(await gql(ONE, { id: mySubscription.id }, { token: stranger }))).toBe('NOT_FOUND');
    expect(codeOf(await gql(`query($id: ID!) { node(id: $id) { id ... on ServiceSubscription { status } } }`, { id: mySubscription.id }, { token: stranger }))).toBe('NOT_FOUND');
    expect(dataOf(await gql(LIST, {}, { token: stranger })).subscriptions.totalCount).toBe(0);
    expect(dataOf(await gql(LIST, { filter: { subscriberId: mine } }, { token: stranger })).subscriptions.totalCount).toBe(0);
    const cancel = dataOf(await gql(CANCEL_SUBSCRIPTION, { input: { subscriptionId: mySubscription.id } }, { token: stranger })).cancelSubscription;
    expect(cancel.userErrors[0].code).toBe('NOT_FOUND');
    const ownPlan = await createPlan(stranger, { code: 'STRANGER' });
    const poached = dataOf(await gql(`mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { subscription { id } ${ERRORS} } }`, { input: { subscriberId: mine, planId: ownPlan.id } }, { token: stranger })).createSubscription;
    expect(poached).toEqual({ subscription: null, userErrors: [{ code: 'NOT_FOUND', field: null, message: expect.any(String) }] });
    expect(dataOf(await gql(ONE, { id: mySubscription.id }, { token })).subscription.id).toBe(mySubscription.id);
  });
});

describe('Subscriber.subscriptions is batched (no N+1)', () => {
  it('costs the same number of SQL statements for 10 subscribers as for 40', async () => {
    const isp = await createIsp('subs-n1');
    const token = isp.admin.accessToken;
    const subscribers = await createSubscribers(token, 50, 'Batched');
    const plans = [await createPlan(token, { code: 'N1-A' }), await createPlan(token, { code: 'N1-B' })];
    for (let start = 0; start < 50; start += 25) {
      const fields = subscribers.slice(start, start + 25).map(
        (subscriberId, i) => `s${i}: createSubscription(input: { subscriberId: "${subscriberId}", planId: "${plans[(start + i) % 2].id}" }) { ${ERRORS} }`,
      );
      const data = dataOf(await gql(`mutation { ${fields.join('\n')} }`, {}, { token }));
      expect(Object.values(data).every((payload: any) => payload.userErrors.length === 0)).toBe(true);
    }
    for (let previous = -1, now = await statementsSoFar(); previous !== now; ) {
      previous = now;
      await new Promise((resolve) => setTimeout(resolve, 300));
      now = await statementsSoFar();
    }
    const query = `query($n: Int) { subscribers(first: $n) { edges { node { name subscriptions { status plan { code } unitPrice { amount } currentPeriod { start } } } } } }`;
    const measure = async (n: number) => {
      const before = await statementsSoFar();
      const data = dataOf(await gql(query, { n }, { token }));
      expect(data.subscribers.edges).toHaveLength(n);
      expect(data.subscribers.edges.every((edge: any) => edge.node.subscriptions.length === 1)).toBe(true);
      return (await statementsSoFar()) - before;
    };
    const least = async (n: number) => Math.min(await measure(n), await measure(n), await measure(n));
    const ten = await least(10);
    // Both pages leave more behind (50 subscribers), so both also run the count query.
    const forty = await least(40);
    expect(forty).toBe(ten);
    expect(forty).toBeLessThanOrEqual(16);
  });
});
