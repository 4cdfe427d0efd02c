import { beforeAll, describe, expect, it } from 'vitest';
import { dataOf, gql } from '../support/client.js';
import { createIsp, createSubscribers, type Isp } from '../support/fixtures.js';
import { balanceOf, billingSql, invoice, issuedInvoice, line, rawId, recordPayment } from './ledger-support.js';

describe('payments, allocation and account credit', () => {
  let isp: Isp;
  let token: string;

  beforeAll(async () => {
    isp = await createIsp('ledger-pay');
    token = isp.admin.accessToken;
  });

  it('100.00 paid 60.00 leaves 40.00 due (partially paid); 40.00 more pays it', async () => {
    const [subscriber] = await createSubscribers(token, 1, 'Partial');
    const bill = await issuedInvoice(token, subscriber!, [line('Fiber', 10000)]);
    const first = await recordPayment(token, { subscriberId: subscriber, amount: 6000, method: 'BANK_TRANSFER' });
    expect(first.userErrors).toEqual([]);
    expect(first.payment).toMatchObject({ amount: { amount: 6000, currency: 'USD' }, unallocated: { amount: 0 }, method: 'BANK_TRANSFER' });
    expect(first.payment.allocations).toEqual([{ amount: { amount: 6000 }, reason: 'PAYMENT', invoice: { id: bill.id, number: bill.number } }]);
    expect(await invoice(token, bill.id)).toMatchObject({ status: 'PARTIALLY_PAID', paid: { amount: 6000 }, balanceDue: { amount: 4000 } });
    expect(await balanceOf(token, subscriber!)).toEqual({ balance: 4000, credit: 0, currency: 'USD' });
    await recordPayment(token, { subscriberId: subscriber, amount: 4000 });
    expect(await invoice(token, bill.id)).toMatchObject({ status: 'PAID', paid: { amount: 10000 }, balanceDue: { amount: 0 } });
    expect(await balanceOf(token, subscriber!)).toEqual({ balance: 0, credit: 0, currency: 'USD' });
  });

  it('pays the oldest open invoices first, or the one named first; an overpayment is credit applied to the next invoice issued', async () => {
    const [subscriber] = await createSubscribers(token, 1, 'Overpaid');
    const older = await issuedInvoice(token, subscriber!, [line('March', 3000)], '2026-03-01');
    const newer = await issuedInvoice(token, subscriber!, [line('April', 3000)], '2026-04-01');
    const named = await recordPayment(token, { subscriberId: subscriber, amount: 1000, invoiceId: newer.id });
    expect(named.payment.allocations.map((row: any) => row.invoice.id)).toEqual([newer.id]);
    const over = await recordPayment(token, { subscriberId: subscriber, amount: 7000 });
    expect(over.payment.allocations.map((row: any) => [row.invoice.id, row.amount.amount])).toEqual([[older.id, 3000], [newer.id, 2000]]);
    expect(over.payment.unallocated.amount).toBe(2000);
    expect(await balanceOf(token, subscriber!)).toEqual({ balance: -2000, credit: 2000, currency: 'USD' });

    const next = await issuedInvoice(token, subscriber!, [line('May', 2500)], '2026-05-01');
    expect(next).toMatchObject({ status: 'PARTIALLY_PAID', paid: { amount: 2000 }, balanceDue: { amount: 500 } });
    const allocations = dataOf(await gql(`query($id: ID!) { invoice(id: $id) { payments { amount { amount } reason payment { id } } } }`, { id: next.id }, { token })).invoice.payments;
    expect(allocations).toEqual([{ amount: { amount: 2000 }, reason: 'CREDIT_APPLIED', payment: { id: over.payment.id } }]);
    expect(await balanceOf(token, subscriber!)).toEqual({ balance: 500, credit: 0, currency: 'USD' });
    const small = await issuedInvoice(token, subscriber!, [line('Nothing left', 100)]);
    expect(small.status).toBe('ISSUED');
  });

  it('recognises a retried processor payment id: same details return the first payment, different details conflict', async () => {
    const [subscriber, other] = await createSubscribers(token, 2, 'Retry');
    await issuedInvoice(token, subscriber!, [line('Fiber', 5000)]);
    const input = { subscriberId: subscriber, amount: 5000, processor: 'stripe', processorPaymentId: `pi_${rawId(subscriber!).slice(0, 8)}` };
    const first = await recordPayment(token, input);
    expect(first).toMatchObject({ duplicate: false, userErrors: [] });
    const outboxBefore = await billingSql(`select count(*)::int as n from outbox_event where tenant_id = $1`, [rawId(isp.tenantId)]);
    const again = await recordPayment(token, input);
    expect(again).toMatchObject({ duplicate: true, userErrors: [], payment: { id: first.payment.id } });
    const outboxAfter = await billingSql(`select count(*)::int as n from outbox_event where tenant_id = $1`, [rawId(isp.tenantId)]);
    expect(outboxAfter[0]!.n).toBe(outboxBefore[0]!.n); // not even an audit record
    expect((await recordPayment(token, { ...input, amount: 4999 })).userErrors[0]).toMatchObject({ code: 'CONFLICT', field: ['processorPaymentId'] });
    expect((await recordPayment(token, { ...input, subscriberId: other })).userErrors[0]).toMatchObject({ code: 'CONFLICT' });
    const concurrent = await Promise.all(Array.from({ length: 5 }, () => recordPayment(token, { ...input, processorPaymentId: `${input.processorPaymentId}-c` })));
    expect(concurrent.filter((payload) => payload.duplicate === false)).toHaveLength(1);
    expect(new Set(concurrent.map((payload) => payload.payment.id)).size).toBe(1);
    const count = dataOf(await gql(`query($s: ID!) { payments(filter: { subscriberId: $s }) { totalCount } }`, { s: subscriber }, { token })).payments.totalCount;
    expect(count).toBe(2);
    expect(await balanceOf(token, subscriber!)).toEqual({ balance: -5000, credit: 5000, currency: 'USD' });
  });

  it('refuses to pay a draft, a void invoice or another subscriber\'s invoice, and a receipt in the future', async () => {
    const [subscriber, other] = await createSubscribers(token, 2, 'Refused');
    const theirs = await issuedInvoice(token, other!, [line('Theirs', 100)]);
    expect((await recordPayment(token, { subscriberId: subscriber, amount: 100, invoiceId: theirs.id })).userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['invoiceId'] });
    const future = new Date(Date.now() + 86_400_000).toISOString();
    expect((await recordPayment(token, { subscriberId: subscriber, amount: 100, receivedAt: future })).userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['receivedAt'] });
    const before = await billingSql(`select count(*)::int as n from payment where tenant_id = $1`, [rawId(isp.tenantId)]);
    expect((await recordPayment(token, { subscriberId: subscriber, amount: 100, invoiceId: 'SW52b2ljZTowMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDA' })).userErrors[0].code).toBe('NOT_FOUND');
    const after = await billingSql(`select count(*)::int as n from payment where tenant_id = $1`, [rawId(isp.tenantId)]);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('restores a delinquent subscriber once no overdue balance is left, and says so on the outbox', async () => {
    const [subscriber] = await createSubscribers(token, 1, 'Delinquent');
    const overdue = await issuedInvoice(token, subscriber!, [line('Old', 2000)], '2026-01-01');
    const current = await issuedInvoice(token, subscriber!, [line('Current', 1000)]);
    // TEST-ONLY: the dunning piece marks overdue and delinquent; here SQL stands in for it.
    await billingSql(`update invoice set status = 'overdue' where id = $1`, [rawId(overdue.id)]);
    await billingSql(`update billing_account set delinquent = true, delinquent_since = now() where subscriber_id = $1`, [rawId(subscriber!)]);
    const delinquent = async () => (await billingSql(`select delinquent from billing_account where subscriber_id = $1`, [rawId(subscriber!)]))[0]!.delinquent;
    const restoredEvents = async () =>
      (await billingSql(`select payload from outbox_event where topic = 'billing.subscriber.restored' and payload->>'subscriberId' = $1`, [rawId(subscriber!)])).length;

    await recordPayment(token, { subscriberId: subscriber, amount: 1000, invoiceId: current.id });
    expect(await delinquent()).toBe(true);
    await recordPayment(token, { subscriberId: subscriber, amount: 1500 });
    expect((await invoice(token, overdue.id)).status).toBe('OVERDUE');
    expect(await delinquent()).toBe(true);
    await recordPayment(token, { subscriberId: subscriber, amount: 500 });
    expect((await invoice(token, overdue.id)).status).toBe('PAID');
    expect(await delinquent()).toBe(false);
    expect(await restoredEvents()).toBe(1);
  });
});
