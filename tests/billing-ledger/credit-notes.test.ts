import { beforeAll, describe, expect, it } from 'vitest';
import { dataOf, gql } from '../support/client.js';
import { createIsp, createSubscribers, type Isp } from '../support/fixtures.js';
import {
  balanceOf, billingSql, createDraft, insertTaxRates, invoice, issueCreditNote, issuedInvoice, line, mustMutate, mutate, rawId, recordPayment,
} from './ledger-support.js';

describe('credit notes', () => {
  let isp: Isp;
  let token: string;

  beforeAll(async () => {
    isp = await createIsp('ledger-cn');
    token = isp.admin.accessToken;
    await mustMutate(token, 'updateBillingSettings', 'UpdateBillingSettingsInput', 'settings { tenantId }', { defaultTaxJurisdictions: ['ST', 'CO'] });
    await insertTaxRates(isp.tenantId, [
      { name: 'State', jurisdiction: 'ST', rate: '7.25' },
      { name: 'County', jurisdiction: 'CO', rate: '0.5' },
    ]);
  });

  it('credits a whole invoice: every line with its taxes, a gapless CN number, and the invoice is settled without changing', async () => {
    const [subscriber] = await createSubscribers(token, 1, 'Whole');
    const bill = await issuedInvoice(token, subscriber!, [line('Fiber', 10000), line('Router', 2999)]);
    expect(bill.total.amount).toBe(10000 + 725 + 50 + 2999 + 217 + 15);
    const whole = await issueCreditNote(token, { invoiceId: bill.id, whole: true, reason: 'Service never delivered' });
    expect(whole.userErrors).toEqual([]);
    expect(whole.creditNote).toMatchObject({ subtotal: { amount: 12999 }, tax: { amount: bill.tax.amount }, total: { amount: bill.total.amount }, reason: 'Service never delivered' });
    expect(whole.creditNote.number).toMatch(/^CN-\d{6}$/);
    expect(whole.creditNote.lines.map((row: any) => [row.description, row.amount.amount, row.tax.amount])).toEqual([['Fiber', 10000, 775], ['Router', 2999, 232]]);
    expect(whole.invoice).toMatchObject({ status: 'PAID', total: { amount: bill.total.amount }, credited: { amount: bill.total.amount }, balanceDue: { amount: 0 } });
    const again = await issueCreditNote(token, { invoiceId: bill.id, whole: true });
    expect(again.userErrors[0]).toMatchObject({ code: 'CONFLICT' });
    expect(await balanceOf(token, subscriber!)).toMatchObject({ balance: 0 });
  });

  it('credits per line with proportional taxes per rate; the credit that completes a line takes exactly the tax left', async () => {
    const [subscriber] = await createSubscribers(token, 1, 'Per line');
    const bill = await issuedInvoice(token, subscriber!, [line('Fiber', 10000), line('Install', 999)]);
    const [fiber, install] = bill.lines;
    // 33.33 of the Fiber line: 7.25 % → 2.4164 → 2.42; 0.5 % → 0.16665 → 0.17.
    const part = await issueCreditNote(token, { invoiceId: bill.id, lines: [{ invoiceLineId: fiber.id, amount: 3333 }] });
    expect(part.creditNote.lines).toEqual([{ invoiceLineId: fiber.id, description: 'Fiber', amount: { amount: 3333 }, tax: { amount: 242 + 17 } }]);
    expect(part.invoice).toMatchObject({ status: 'ISSUED', credited: { amount: 3333 + 259 } });
    const rest = await issueCreditNote(token, { invoiceId: bill.id, lines: [{ invoiceLineId: fiber.id, amount: 6667 }, { invoiceLineId: install.id, amount: 1 }] });
    expect(rest.userErrors).toEqual([]);
    expect(rest.creditNote.lines[0]).toMatchObject({ amount: { amount: 6667 }, tax: { amount: 775 - 259 } });
    expect(Number(rest.creditNote.number.slice(3))).toBe(Number(part.creditNote.number.slice(3)) + 1);
    const credited = (await invoice(token, bill.id)).credited.amount;
    expect(credited).toBe(10000 + 775 + 1 + rest.creditNote.lines[1].tax.amount);
  });

  it('refuses a credit larger than what is left on a line, and writes nothing (no number taken either)', async () => {
    const [subscriber] = await createSubscribers(token, 1, 'Too much');
    const bill = await issuedInvoice(token, subscriber!, [line('Fiber', 5000), line('Modem', 1000)]);
    const [fiber, modem] = bill.lines;
    const before = await billingSql(`select last_value from invoice_sequence where tenant_id = $1 and kind = 'credit_note'`, [rawId(isp.tenantId)]);
    await issueCreditNote(token, { invoiceId: bill.id, lines: [{ invoiceLineId: fiber.id, amount: 4000 }] });
    const tooMuch = await issueCreditNote(token, { invoiceId: bill.id, lines: [{ invoiceLineId: modem.id, amount: 500 }, { invoiceLineId: fiber.id, amount: 1001 }] });
    expect(tooMuch.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['lines', '1', 'amount'] });
    const notes = dataOf(await gql(`query($id: ID!) { creditNotes(filter: { invoiceId: $id }) { totalCount } }`, { id: bill.id }, { token })).creditNotes.totalCount;
    expect(notes).toBe(1);
    expect((await invoice(token, bill.id)).credited.amount).toBe(4000 + 290 + 20);
    const after = await billingSql(`select last_value from invoice_sequence where tenant_id = $1 and kind = 'credit_note'`, [rawId(isp.tenantId)]);
    expect(Number(after[0]!.last_value)).toBe(Number(before[0]?.last_value ?? 0) + 1);
    for (const bad of [{ lines: [] }, { whole: true, lines: [{ invoiceLineId: fiber.id, amount: 1 }] }, { lines: [{ invoiceLineId: fiber.id, amount: 0 }] }, { lines: [{ invoiceLineId: fiber.id, amount: -5 }] }]) {
      expect((await issueCreditNote(token, { invoiceId: bill.id, ...bad })).userErrors[0].code).toBe('BAD_USER_INPUT');
    }
    const other = await issuedInvoice(token, subscriber!, [line('Other', 100)]);
    const foreignLine = await issueCreditNote(token, { invoiceId: bill.id, lines: [{ invoiceLineId: other.lines[0].id, amount: 1 }] });
    expect(foreignLine.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['lines', '0', 'invoiceLineId'] });
    const draft = await createDraft(token, subscriber!, [line('Draft', 100)]);
    expect((await issueCreditNote(token, { invoiceId: draft.id, whole: true })).userErrors[0].code).toBe('CONFLICT');
  });

  it('releases what a credit note leaves overpaid back to the payments (newest first) as credit, applied to other open invoices', async () => {
    const [subscriber] = await createSubscribers(token, 1, 'Release');
    const bill = await issuedInvoice(token, subscriber!, [line('Fiber', 10000)], '2026-06-01');
    const open = await issuedInvoice(token, subscriber!, [line('Next', 1000)], '2026-07-01');
    const early = await recordPayment(token, { subscriberId: subscriber, amount: 6000, invoiceId: bill.id });
    const late = await recordPayment(token, { subscriberId: subscriber, amount: 4775, invoiceId: bill.id });
    expect((await invoice(token, bill.id)).status).toBe('PAID');
    const cn = await issueCreditNote(token, { invoiceId: bill.id, lines: [{ invoiceLineId: bill.lines[0].id, amount: 4000 }] });
    const released = 4000 + 290 + 20;
    expect(cn.invoice).toMatchObject({ status: 'PAID', credited: { amount: released }, paid: { amount: 10775 - released }, balanceDue: { amount: 0 } });
    const allocations = dataOf(await gql(`query($id: ID!) { invoice(id: $id) { payments { amount { amount } reason payment { id } } } }`, { id: bill.id }, { token })).invoice.payments;
    expect(allocations).toContainEqual({ amount: { amount: -released }, reason: 'CREDIT_NOTE_RELEASE', payment: { id: late.payment.id } });
    expect(allocations.filter((row: any) => row.payment.id === early.payment.id)).toHaveLength(1);
    // The released credit went straight to the other open invoice; the rest stays as credit.
    expect(open.total.amount).toBe(1078);
    expect(await invoice(token, open.id)).toMatchObject({ status: 'PAID', paid: { amount: 1078 } });
    expect(await balanceOf(token, subscriber!)).toEqual({ balance: -(released - 1078), credit: released - 1078, currency: 'USD' });
    // An invoice with a credit note or a payment on it is corrected, never voided.
    const voiding = await mutate(token, 'voidInvoice', 'VoidInvoiceInput', 'invoice { id }', { invoiceId: bill.id, reason: 'x' });
    expect(voiding.userErrors[0]).toMatchObject({ code: 'CONFLICT' });
  });
});
