import { beforeAll, describe, expect, it } from 'vitest';
import { codeOf, dataOf, gql } from '../support/client.js';
import { createIsp, createSubscribers, type Isp } from '../support/fixtures.js';
import {
  billingSql, createDraft, INVOICE, insertTaxRates, invoice, issue, issuedInvoice, line, mutate, mustMutate, rawId, recordPayment,
} from './ledger-support.js';

describe('invoices: drafts, issuing, taxes', () => {
  let isp: Isp;
  let token: string;
  let subscriber: string;

  beforeAll(async () => {
    isp = await createIsp('ledger-inv');
    token = isp.admin.accessToken;
    [subscriber] = await createSubscribers(token, 1, 'Invoiced');
  });

  it('creates a draft, rounds each line once HALF_UP, edits it, and issues it with a number and a due date', async () => {
    const draft = await createDraft(token, subscriber!, [
      { description: 'Fiber 500', quantity: '1', unitPrice: '7999', kind: 'PLAN' },
      { description: 'Static IP', quantity: '2.5', unitPrice: '0.5' },
    ], { memo: 'Welcome' });
    expect(draft).toMatchObject({ status: 'DRAFT', number: null, kind: 'MANUAL', currency: 'USD', memo: 'Welcome', subtotal: { amount: 7999 + 1 }, total: { amount: 8000 } });
    expect(draft.lines.map((row: any) => [row.quantity, row.unitPrice, row.amount.amount, row.kind])).toEqual([
      ['1', '7999', 7999, 'PLAN'],
      ['2.5', '0.5', 1, 'MANUAL'], // 1.25 minor units → 1
    ]);
    const added = await mustMutate(token, 'addInvoiceLine', 'AddInvoiceLineInput', `invoice { ${INVOICE} }`, {
      invoiceId: draft.id, line: { description: 'Install', quantity: '3', unitPrice: '33.5' },
    });
    expect(added.invoice.lines.at(-1)).toMatchObject({ description: 'Install', amount: { amount: 101 } }); // 100.5 → 101
    const removed = await mustMutate(token, 'removeInvoiceLine', 'RemoveInvoiceLineInput', `invoice { ${INVOICE} }`, { lineId: draft.lines[1].id });
    expect(removed.invoice.lines.map((row: any) => row.description)).toEqual(['Fiber 500', 'Install']);
    expect(removed.invoice.total.amount).toBe(7999 + 101);

    const issued = await issue(token, draft.id, '2026-03-10');
    expect(issued).toMatchObject({ status: 'ISSUED', issueDate: '2026-03-10', dueDate: '2026-03-24', total: { amount: 8100 }, balanceDue: { amount: 8100 } });
    expect(issued.number).toMatch(/^INV-\d{6}$/);
    const again = await mutate(token, 'issueInvoice', 'IssueInvoiceInput', 'invoice { id }', { invoiceId: draft.id });
    expect(again.userErrors[0]).toMatchObject({ code: 'CONFLICT' });
    const edit = await mutate(token, 'addInvoiceLine', 'AddInvoiceLineInput', 'invoice { id }', { invoiceId: draft.id, line: line('Late', 100) });
    expect(edit.userErrors[0]).toMatchObject({ code: 'CONFLICT' });
  });

  it('stacks tax rates, each rounded on each line: 100.00 at 7.25 + 0.25 + 0.75 + 0.50 % = 8.75 tax, 108.75 total', async () => {
    const taxed = await createIsp('ledger-tax');
    const admin = taxed.admin.accessToken;
    await mustMutate(admin, 'updateBillingSettings', 'UpdateBillingSettingsInput', 'settings { tenantId }', {
      defaultTaxJurisdictions: ['US-CA', 'US-CA-LA', 'US-CA-LA-CITY', 'US-CA-DIST'],
    });
    await insertTaxRates(taxed.tenantId, [
      { name: 'California', jurisdiction: 'US-CA', rate: '7.25' },
      { name: 'County', jurisdiction: 'US-CA-LA', rate: '0.25' },
      { name: 'City', jurisdiction: 'US-CA-LA-CITY', rate: '0.75' },
      { name: 'District', jurisdiction: 'US-CA-DIST', rate: '0.50' },
      { name: 'Expired', jurisdiction: 'US-CA', rate: '1', effectiveFrom: '2000-01-01', effectiveTo: '2020-12-31' },
      { name: 'Elsewhere', jurisdiction: 'US-NY', rate: '4' },
    ]);
    const [customer] = await createSubscribers(admin, 1, 'Taxed');
    const issued = await issuedInvoice(admin, customer!, [line('Fiber 1000', 10000)], '2026-05-01');
    expect(issued).toMatchObject({ subtotal: { amount: 10000 }, tax: { amount: 875 }, total: { amount: 10875, decimal: '108.75' } });
    expect(issued.lines[0].taxes.map((tax: any) => [tax.jurisdiction, tax.rate, tax.amount.amount]).sort()).toEqual([
      ['US-CA', '7.25', 725],
      ['US-CA-DIST', '0.5', 50],
      ['US-CA-LA', '0.25', 25],
      ['US-CA-LA-CITY', '0.75', 75],
    ]);
    // Each rate is rounded per line: 3 lines of 0.33 at 7.25 % = 0.02 each (0.0239 → 0.02), not 0.07 on 0.99.
    const small = await issuedInvoice(admin, customer!, [line('a', 33), line('b', 33), line('c', 33)], '2026-05-01');
    expect(small.lines.map((row: any) => row.tax.amount)).toEqual([2 + 0 + 0 + 0, 2, 2]);
    expect(small.tax.amount).toBe(6);
    expect(small.total.amount).toBe(99 + 6);
  });

  it('refuses to issue an invoice without lines, and refuses absurd, negative and malformed amounts', async () => {
    const empty = await createDraft(token, subscriber!, []);
    const refused = await mutate(token, 'issueInvoice', 'IssueInvoiceInput', 'invoice { id }', { invoiceId: empty.id });
    expect(refused.userErrors[0]).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('without lines') });
    expect((await invoice(token, empty.id)).status).toBe('DRAFT');
    const bad = async (line: Record<string, unknown>) =>
      (await mutate(token, 'createInvoice', 'CreateInvoiceInput', 'invoice { id }', { subscriberId: subscriber, lines: [{ description: 'x', quantity: '1', unitPrice: '1', ...line }] })).userErrors[0];
    expect(await bad({ unitPrice: '-100' })).toMatchObject({ code: 'BAD_USER_INPUT', field: ['lines', '0', 'unitPrice'] });
    expect(await bad({ quantity: '0' })).toMatchObject({ code: 'BAD_USER_INPUT', field: ['lines', '0', 'quantity'] });
    expect(await bad({ quantity: '1.0000001' })).toMatchObject({ code: 'BAD_USER_INPUT', field: ['lines', '0', 'quantity'] });
    expect(await bad({ unitPrice: '1e5' })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await bad({ unitPrice: '1000000001' })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await bad({ quantity: '1000', unitPrice: '2000000' })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await bad({ description: '  ' })).toMatchObject({ code: 'BAD_USER_INPUT', field: ['lines', '0', 'description'] });
    const sum = await mutate(token, 'createInvoice', 'CreateInvoiceInput', 'invoice { id }', {
      subscriberId: subscriber, lines: [line('a', 600_000_000), line('b', 600_000_000)],
    });
    expect(sum.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT' });
    for (const amount of [-100, 0, 1_000_000_001]) {
      expect((await recordPayment(token, { subscriberId: subscriber, amount })).userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['amount'] });
    }
    expect(codeOf(await gql(`mutation { recordPayment(input: { subscriberId: "${subscriber}", amount: 1.5, currency: "USD", method: CARD }) { duplicate } }`, {}, { token }))).toBe('BAD_USER_INPUT');
  });

  it('keeps one currency per subscriber: an invoice or payment in another currency is refused', async () => {
    const [euro] = await createSubscribers(token, 1, 'Euro');
    const first = await createDraft(token, euro!, [line('Fiber', 5000)], { currency: 'eur' });
    expect(first.currency).toBe('EUR');
    const usd = await mutate(token, 'createInvoice', 'CreateInvoiceInput', 'invoice { id }', { subscriberId: euro, currency: 'USD', lines: [line('x', 1)] });
    expect(usd.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['currency'] });
    expect((await recordPayment(token, { subscriberId: euro, amount: 100, currency: 'USD' })).userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['currency'] });
    expect((await recordPayment(token, { subscriberId: euro, amount: 100, currency: 'XYZ' })).userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['currency'] });
    const issued = await issue(token, first.id);
    expect(issued.subtotal).toMatchObject({ amount: 5000, currency: 'EUR' });
  });

  it('freezes an issued invoice in the database: a direct UPDATE of its total or lines fails', async () => {
    const issued = await issuedInvoice(token, subscriber!, [line('Frozen', 1000)]);
    await expect(billingSql(`update invoice set total_minor = 1, subtotal_minor = 1 where id = $1`, [rawId(issued.id)])).rejects.toThrow(/immutable/);
    await expect(billingSql(`update invoice_line set amount_minor = 1 where invoice_id = $1`, [rawId(issued.id)])).rejects.toThrow(/immutable/);
    await expect(billingSql(`delete from invoice_line where invoice_id = $1`, [rawId(issued.id)])).rejects.toThrow(/immutable/);
    expect((await invoice(token, issued.id)).total.amount).toBe(1000);
  });

  it('voids only an issued invoice nobody paid or credited; the number stays used and a void invoice cannot be paid', async () => {
    const issued = await issuedInvoice(token, subscriber!, [line('To void', 2500)]);
    const voided = await mustMutate(token, 'voidInvoice', 'VoidInvoiceInput', `invoice { ${INVOICE} }`, { invoiceId: issued.id, reason: 'Billed by mistake' });
    expect(voided.invoice).toMatchObject({ status: 'VOID', number: issued.number, voidReason: 'Billed by mistake', balanceDue: { amount: 0 } });
    expect((await mutate(token, 'voidInvoice', 'VoidInvoiceInput', 'invoice { id }', { invoiceId: issued.id, reason: 'again' })).userErrors[0].code).toBe('CONFLICT');
    const paying = await recordPayment(token, { subscriberId: subscriber, amount: 2500, invoiceId: issued.id });
    expect(paying.userErrors[0]).toMatchObject({ code: 'CONFLICT', field: ['invoiceId'] });
    const next = await issuedInvoice(token, subscriber!, [line('Next', 100)]);
    expect(Number(next.number.slice(4))).toBeGreaterThan(Number(issued.number.slice(4)));

    const draft = await createDraft(token, subscriber!, [line('Draft', 100)]);
    expect((await mutate(token, 'voidInvoice', 'VoidInvoiceInput', 'invoice { id }', { invoiceId: draft.id, reason: 'x' })).userErrors[0].code).toBe('CONFLICT');
    const paid = await issuedInvoice(token, subscriber!, [line('Paid part', 1000)]);
    await recordPayment(token, { subscriberId: subscriber, amount: 100, invoiceId: paid.id });
    const refused = await mutate(token, 'voidInvoice', 'VoidInvoiceInput', 'invoice { id }', { invoiceId: paid.id, reason: 'x' });
    expect(refused.userErrors[0]).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('credit note') });
  });

  it('lists with filters, ordering and pages', async () => {
    const other = await createIsp('ledger-list');
    const admin = other.admin.accessToken;
    const [a, b] = await createSubscribers(admin, 2, 'Listed');
    for (let i = 0; i < 5; i += 1) await issuedInvoice(admin, a!, [line(`A${i}`, 100 * (i + 1))], `2026-0${i + 1}-15`);
    await createDraft(admin, b!, [line('B draft', 999)]);
    const list = async (args: string) => dataOf(await gql(`{ invoices(${args}) { totalCount edges { node { number status total { amount } } } pageInfo { hasNextPage endCursor } } }`, {}, { token: admin })).invoices;
    expect((await list('first: 10')).totalCount).toBe(6);
    expect((await list(`filter: { status: [DRAFT] }`)).totalCount).toBe(1);
    expect((await list(`filter: { subscriberId: "${a}", issuedFrom: "2026-02-01", issuedTo: "2026-04-30" }`)).totalCount).toBe(3);
    const byTotal = await list('first: 2, orderBy: { field: TOTAL, direction: DESC }');
    expect(byTotal.edges.map((edge: any) => edge.node.total.amount)).toEqual([999, 500]);
    const next = await list(`first: 2, after: "${byTotal.pageInfo.endCursor}", orderBy: { field: TOTAL, direction: DESC }`);
    expect(next.edges.map((edge: any) => edge.node.total.amount)).toEqual([400, 300]);
    expect(codeOf(await gql(`{ invoices(first: 1000) { totalCount } }`, {}, { token: admin }))).toBe('BAD_USER_INPUT');
    // One ISP never sees another's invoices, by list or by id.
    const theirId = dataOf(await gql(`{ invoices(first: 1, filter: { status: [ISSUED] }) { edges { node { id } } } }`, {}, { token: admin })).invoices.edges[0].node.id;
    expect(codeOf(await gql(`query($id: ID!) { invoice(id: $id) { id } }`, { id: theirId }, { token }))).toBe('NOT_FOUND');
    expect(dataOf(await gql(`{ invoices { edges { node { id } } } }`, {}, { token })).invoices.edges.map((edge: any) => edge.node.id)).not.toContain(theirId);
    const hijack = await mutate(token, 'issueInvoice', 'IssueInvoiceInput', 'invoice { id }', { invoiceId: theirId });
    expect(hijack.userErrors[0]).toMatchObject({ code: 'NOT_FOUND' });
  });
});
