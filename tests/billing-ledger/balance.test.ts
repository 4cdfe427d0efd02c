import { beforeAll, describe, expect, it } from 'vitest';
import { dataOf, gql } from '../support/client.js';
import { createIsp, createSubscribers, type Isp } from '../support/fixtures.js';
import { balanceOf, issueCreditNote, issuedInvoice, line, mustMutate, recordPayment } from './ledger-support.js';
import { statementsSoFar } from '../support/sql-statements.js';

async function quiet(): Promise<void> {
  for (let previous = -1, now = await statementsSoFar(); previous !== now; ) {
    previous = now;
    await new Promise((resolve) => setTimeout(resolve, 300));
    now = await statementsSoFar();
  }
}

/** The least statement count of three runs (background work can land in a window). */
async function statementsOf(run: () => Promise<void>): Promise<number> {
  const counts = [];
  for (let i = 0; i < 3; i += 1) {
    const before = await statementsSoFar();
    await run();
    counts.push((await statementsSoFar()) - before);
  }
  return Math.min(...counts);
}

describe('Subscriber.balance, accountCredit and invoices', () => {
  let isp: Isp;
  let token: string;
  let subscribers: string[];

  beforeAll(async () => {
    isp = await createIsp('ledger-balance');
    token = isp.admin.accessToken;
    await mustMutate(token, 'updateBillingSettings', 'UpdateBillingSettingsInput', 'settings { tenantId }', { currency: 'EUR' });
    subscribers = await createSubscribers(token, 20, 'Balanced');
    // Every billed subscriber has the same shape (two invoices, the first part paid and part credited), so
    // any page of them asks for the same fields; the 4 last subscribers were never billed.
    await Promise.all(
      subscribers.slice(0, 16).map(async (subscriber, i) => {
        const first = await issuedInvoice(token, subscriber, [line('Fiber', 1000 + i), line('IP', 200)], '2026-01-01');
        await recordPayment(token, { subscriberId: subscriber, amount: 300 + i, currency: 'EUR', invoiceId: first.id });
        await issueCreditNote(token, { invoiceId: first.id, lines: [{ invoiceLineId: first.lines[1].id, amount: 100 }] });
        const next = await issuedInvoice(token, subscriber, [line('Next', 500)], '2026-02-01');
        await recordPayment(token, { subscriberId: subscriber, amount: i % 3 === 0 ? 5000 : 100, currency: 'EUR', invoiceId: next.id });
        await issueCreditNote(token, { invoiceId: next.id, lines: [{ invoiceLineId: next.lines[0].id, amount: 50 }] });
      }),
    );
  });

  it('is open balances minus credit, negative in credit, and zero in the ISP currency without a billing account', async () => {
    // #0 paid 5000 on a 500 invoice: the rest went to the older invoice, then to credit.
    const billed = (i: number) => 1000 + i + 200 + 500 - 100 - 50;
    expect(await balanceOf(token, subscribers[0]!)).toEqual({ balance: billed(0) - 300 - 5000, credit: 300 + 5000 - billed(0), currency: 'EUR' });
    expect(await balanceOf(token, subscribers[1]!)).toEqual({ balance: billed(1) - 301 - 100, credit: 0, currency: 'EUR' });
    expect(await balanceOf(token, subscribers[19]!)).toEqual({ balance: 0, credit: 0, currency: 'EUR' });
  });

  it('pages a subscriber\'s invoices with cursors', async () => {
    const page = `query($id: ID!, $after: String) { subscriber(id: $id) { invoices(first: 1, after: $after, orderBy: { field: CREATED_AT, direction: ASC }) {
      totalCount edges { node { lines { description } } } pageInfo { hasNextPage hasPreviousPage endCursor } } } }`;
    const first = dataOf(await gql(page, { id: subscribers[3] }, { token })).subscriber.invoices;
    expect(first).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true, hasPreviousPage: false } });
    expect(first.edges[0].node.lines[0].description).toBe('Fiber');
    const second = dataOf(await gql(page, { id: subscribers[3], after: first.pageInfo.endCursor }, { token })).subscriber.invoices;
    expect(second).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: false, hasPreviousPage: true } });
    expect(second.edges[0].node.lines[0].description).toBe('Next');
    const third = dataOf(await gql(page, { id: subscribers[3], after: second.pageInfo.endCursor }, { token })).subscriber.invoices;
    expect(third).toMatchObject({ totalCount: 2, edges: [] });
    const filtered = dataOf(await gql(`query($id: ID!) { subscriber(id: $id) { invoices(filter: { issuedFrom: "2026-01-15" }) { totalCount } } }`, { id: subscribers[3] }, { token }));
    expect(filtered.subscriber.invoices.totalCount).toBe(1);
  });

  it('costs the same number of SQL statements for a page of 5 subscribers as for 15 (no N+1)', async () => {
    const query = `query($n: Int) { subscribers(first: $n, orderBy: { field: CREATED_AT, direction: ASC }) { edges { node {
      id balance { amount } accountCredit { amount }
      invoices(first: 2) { totalCount edges { node { number lines { amount { amount } taxes { rate } } payments { amount { amount } payment { id } } creditNotes { lines { amount { amount } } } } } }
    } } } }`;
    await quiet();
    const measure = (n: number) => statementsOf(async () => {
      const data = dataOf(await gql(query, { n }, { token }));
      expect(data.subscribers.edges).toHaveLength(n);
    });
    // Both pages are followed by more, so the subscriber count query runs for both.
    const five = await measure(5);
    const fifteen = await measure(15);
    expect(fifteen).toBe(five);
  });

  it('lists invoices with all their nested fields at a constant number of statements', async () => {
    const query = `query($n: Int) { invoices(first: $n) { edges { node { number pdf: number lines { taxes { amount { amount } } } payments { payment { allocations { invoice { id } } } } creditNotes { invoice { id } lines { tax { amount } } } } } } }`;
    await quiet();
    const measure = (n: number) => statementsOf(async () => {
      expect(dataOf(await gql(query, { n }, { token })).invoices.edges).toHaveLength(n);
    });
    expect(await measure(30)).toBe(await measure(5));
    expect(await measure(5)).toBeLessThanOrEqual(45);
  });
});
