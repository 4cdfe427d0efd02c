import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database, openOrm } from '@dotmac/kernel';
import { databaseModel } from '@dotmac/billing/entities';
import { Invoice } from '@dotmac/billing/invoice/invoice.entity';
import { issueDraft } from '@dotmac/billing/invoice/invoice-issue.service';
import { createIsp, createSubscribers, type Isp } from '../support/fixtures.js';
import { platform } from '../support/platform-context.js';
import { createDraft, invoice, issue, line, mutate, rawId } from './ledger-support.js';

const numberOf = (text: string): number => Number(/(\d+)$/.exec(text)![1]);

describe('gapless invoice numbers', () => {
  let isp: Isp;
  let token: string;
  let subscribers: string[];
  let db: Database;

  beforeAll(async () => {
    isp = await createIsp('ledger-numbers');
    token = isp.admin.accessToken;
    subscribers = await createSubscribers(token, 5, 'Numbered');
    // The application role, under row-level security, as the billing subgraph itself connects.
    db = new Database(await openOrm({ url: platform().appDatabaseUrls.billing!, ...databaseModel }));
  });
  afterAll(() => db?.close());

  /** Issues a draft at service level, takes its number, then fails before commit. */
  const failAfterNumbering = (invoiceId: string) =>
    db.inTenant(rawId(isp.tenantId), async (em) => {
      const draft = await em.findOneOrFail(Invoice, { id: rawId(invoiceId) });
      const issued = await issueDraft(em, draft, '2026-06-01');
      expect(issued.number).toMatch(/^INV-\d{6}$/);
      throw new Error('forced failure after taking a number');
    });

  it('20 concurrent issues on 20 drafts of one ISP get exactly 1..20, even with failed issues racing them', async () => {
    const drafts = await Promise.all(Array.from({ length: 20 }, (_, i) => createDraft(token, subscribers[i % subscribers.length]!, [line(`Draft ${i}`, 1000 + i)])));
    const doomed = await Promise.all(Array.from({ length: 5 }, (_, i) => createDraft(token, subscribers[i]!, [line(`Doomed ${i}`, 500)])));
    const [issued, failures] = await Promise.all([
      Promise.all(drafts.map((draft) => mutate(token, 'issueInvoice', 'IssueInvoiceInput', 'invoice { id number status }', { invoiceId: draft.id }))),
      Promise.allSettled(doomed.map((draft) => failAfterNumbering(draft.id))),
    ]);
    expect(issued.flatMap((payload) => payload.userErrors)).toEqual([]);
    expect(failures.map((outcome) => outcome.status)).toEqual(Array(5).fill('rejected'));
    const numbers = issued.map((payload) => numberOf(payload.invoice.number)).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    for (const draft of doomed) expect((await invoice(token, draft.id)).status).toBe('DRAFT');
  });

  it('a failed issue gives its number back: the next issue takes it, and issuing twice at once yields one number', async () => {
    const draft = await createDraft(token, subscribers[0]!, [line('After a failure', 700)]);
    await expect(failAfterNumbering(draft.id)).rejects.toThrow('forced failure');
    expect((await invoice(token, draft.id)).number).toBeNull();
    const issued = await issue(token, draft.id);
    expect(numberOf(issued.number)).toBe(21);

    const twice = await createDraft(token, subscribers[1]!, [line('Twice', 700)]);
    const both = await Promise.all([0, 1].map(() => mutate(token, 'issueInvoice', 'IssueInvoiceInput', 'invoice { number }', { invoiceId: twice.id })));
    expect(both.filter((payload) => payload.userErrors.length === 0)).toHaveLength(1);
    expect(both.flatMap((payload) => payload.userErrors.map((error: { code: string }) => error.code))).toEqual(['CONFLICT']);
    const next = await issue(token, (await createDraft(token, subscribers[2]!, [line('Next', 1)])).id);
    expect(numberOf(next.number)).toBe(23);
  });
});
