import { beforeAll, describe, expect, it } from 'vitest';
import { codeOf, dataOf, gql } from '../support/client.js';
import { createIsp, createSubscribers, createUser, login, PASSWORD, type Isp } from '../support/fixtures.js';
import { createDraft, issueCreditNote, issuedInvoice, line, recordPayment } from './ledger-support.js';

describe('subscriber portal: a portal login sees only its own ledger and changes nothing', () => {
  let isp: Isp;
  let staff: string;
  let mine: string;
  let theirs: string;
  let portal: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    isp = await createIsp('ledger-portal');
    staff = isp.admin.accessToken;
    [mine, theirs] = (await createSubscribers(staff, 2, 'Portal')) as [string, string];
    const myInvoice = await issuedInvoice(staff, mine, [line('Mine', 5000)]);
    const theirInvoice = await issuedInvoice(staff, theirs, [line('Theirs', 7000)]);
    ids.myInvoice = myInvoice.id;
    ids.theirInvoice = theirInvoice.id;
    ids.myDraft = (await createDraft(staff, mine, [line('Not yet', 100)])).id;
    ids.myPayment = (await recordPayment(staff, { subscriberId: mine, amount: 1000 })).payment.id;
    ids.theirPayment = (await recordPayment(staff, { subscriberId: theirs, amount: 2000 })).payment.id;
    ids.myCreditNote = (await issueCreditNote(staff, { invoiceId: myInvoice.id, lines: [{ invoiceLineId: myInvoice.lines[0].id, amount: 500 }] })).creditNote.id;
    ids.theirCreditNote = (await issueCreditNote(staff, { invoiceId: theirInvoice.id, whole: true })).creditNote.id;
    const email = `portal@${isp.slug}.example`;
    await createUser(isp.tenantId, email, ['SUBSCRIBER'], staff, mine);
    portal = (await login(email, PASSWORD)).accessToken;
  });

  it('lists only its own issued invoices, payments and credit notes, whatever the filter says', async () => {
    const lists = dataOf(
      await gql(
        `query($theirs: ID!) {
          invoices { edges { node { id } } }
          filtered: invoices(filter: { subscriberId: $theirs }) { totalCount }
          payments { edges { node { id } } }
          creditNotes { edges { node { id } } }
        }`,
        { theirs },
        { token: portal },
      ),
    );
    expect(lists.invoices.edges.map((edge: any) => edge.node.id)).toEqual([ids.myInvoice]);
    expect(lists.filtered.totalCount).toBe(0);
    expect(lists.payments.edges.map((edge: any) => edge.node.id)).toEqual([ids.myPayment]);
    expect(lists.creditNotes.edges.map((edge: any) => edge.node.id)).toEqual([ids.myCreditNote]);
  });

  it('gets NOT_FOUND for another subscriber\'s invoice, payment, credit note or balance, and for its own drafts', async () => {
    const one = (query: string, id: string) => gql(`query($id: ID!) { ${query}(id: $id) { id } }`, { id }, { token: portal });
    expect(dataOf(await one('invoice', ids.myInvoice!)).invoice.id).toBe(ids.myInvoice);
    expect(codeOf(await one('invoice', ids.theirInvoice!))).toBe('NOT_FOUND');
    expect(codeOf(await one('invoice', ids.myDraft!))).toBe('NOT_FOUND');
    expect(codeOf(await one('payment', ids.theirPayment!))).toBe('NOT_FOUND');
    expect(codeOf(await one('creditNote', ids.theirCreditNote!))).toBe('NOT_FOUND');
    // node(id) hands an Invoice over to billing, which checks who may see it.
    const node = (id: string) => gql(`query($id: ID!) { node(id: $id) { id ... on Invoice { number total { amount } } } }`, { id }, { token: portal });
    expect(dataOf(await node(ids.myInvoice!)).node).toMatchObject({ id: ids.myInvoice, total: { amount: 5000 } });
    expect(codeOf(await node(ids.theirInvoice!))).toBe('NOT_FOUND');
    const own = dataOf(await gql(`query($id: ID!) { subscriber(id: $id) { balance { amount } accountCredit { amount } invoices { totalCount } } }`, { id: mine }, { token: portal }));
    expect(own.subscriber).toEqual({ balance: { amount: 5000 - 500 - 1000 }, accountCredit: { amount: 0 }, invoices: { totalCount: 1 } });
    expect(codeOf(await gql(`query($id: ID!) { subscriber(id: $id) { balance { amount } } }`, { id: theirs }, { token: portal }))).toBe('NOT_FOUND');
  });

  it('cannot write anything in billing', async () => {
    const attempts = [
      `mutation { recordPayment(input: { subscriberId: "${mine}", amount: 100, currency: "USD", method: CARD }) { duplicate } }`,
      `mutation { createInvoice(input: { subscriberId: "${mine}", lines: [] }) { invoice { id } } }`,
      `mutation { issueInvoice(input: { invoiceId: "${ids.myDraft}" }) { invoice { id } } }`,
      `mutation { voidInvoice(input: { invoiceId: "${ids.myInvoice}", reason: "mine" }) { invoice { id } } }`,
      `mutation { issueCreditNote(input: { invoiceId: "${ids.myInvoice}", reason: "mine", whole: true }) { creditNote { id } } }`,
    ];
    for (const attempt of attempts) expect(codeOf(await gql(attempt, {}, { token: portal }))).toBe('FORBIDDEN');
  });
});
