import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, Database, openOrm, todayUtc } from '@dotmac/kernel';
import { databaseModel } from '@dotmac/billing/entities';
import { markOverdue } from '@dotmac/billing/invoice/invoice-overdue.service';
import { createIsp, createSubscribers, type Isp } from '../support/fixtures.js';
import { platform } from '../support/platform-context.js';
import { balanceOf, billingSql, invoice, issuedInvoice, line, rawId, recordPayment } from './ledger-support.js';

describe('overdue invoices (service called by the dunning scheduler)', () => {
  let isp: Isp;
  let token: string;
  let db: Database;

  beforeAll(async () => {
    isp = await createIsp('ledger-overdue');
    token = isp.admin.accessToken;
    db = new Database(await openOrm({ url: platform().appDatabaseUrls.billing!, ...databaseModel }));
  });
  afterAll(() => db?.close());

  it('moves issued and partially paid invoices past their due date to overdue, once, with an event each', async () => {
    const [subscriber] = await createSubscribers(token, 1, 'Late');
    const today = todayUtc();
    const late = await issuedInvoice(token, subscriber!, [line('Late', 1000)], addDays(today, -30));
    const partly = await issuedInvoice(token, subscriber!, [line('Partly', 1000)], addDays(today, -20));
    const settled = await issuedInvoice(token, subscriber!, [line('Settled', 1000)], addDays(today, -40));
    const dueToday = await issuedInvoice(token, subscriber!, [line('Due today', 1000)], addDays(today, -14));
    expect(dueToday.dueDate).toBe(today);
    await recordPayment(token, { subscriberId: subscriber, amount: 1000, invoiceId: settled.id });
    await recordPayment(token, { subscriberId: subscriber, amount: 400, invoiceId: partly.id });

    const moved = await db.inTenant(rawId(isp.tenantId), (em) => markOverdue(em, rawId(isp.tenantId), today));
    expect(moved.map((row) => row.number).sort()).toEqual([late.number, partly.number].sort());
    expect(moved.find((row) => row.number === partly.number)).toMatchObject({ balanceDueMinor: 600, dueDate: addDays(today, -6) });
    expect((await invoice(token, late.id)).status).toBe('OVERDUE');
    expect((await invoice(token, partly.id)).status).toBe('OVERDUE');
    expect((await invoice(token, dueToday.id)).status).toBe('ISSUED');
    expect(await db.inTenant(rawId(isp.tenantId), (em) => markOverdue(em, rawId(isp.tenantId), today))).toEqual([]);
    const events = await billingSql(`select payload from outbox_event where topic = 'billing.invoice.overdue' and tenant_id = $1`, [rawId(isp.tenantId)]);
    expect(events).toHaveLength(2);

    // A part payment keeps it overdue; paying it off settles it.
    await recordPayment(token, { subscriberId: subscriber, amount: 500, invoiceId: late.id });
    expect((await invoice(token, late.id)).status).toBe('OVERDUE');
    await recordPayment(token, { subscriberId: subscriber, amount: 500, invoiceId: late.id });
    expect((await invoice(token, late.id)).status).toBe('PAID');
    expect(await balanceOf(token, subscriber!)).toMatchObject({ balance: 600 + 1000 });
  });
});
