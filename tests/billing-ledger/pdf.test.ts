import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, gql } from '../support/client.js';
import { createIsp, createSubscribers, type Isp } from '../support/fixtures.js';
import { createDraft, insertTaxRates, issue, issueCreditNote, mustMutate, recordPayment } from './ledger-support.js';

/** The text of a PDF as poppler's pdftotext lays it out. */
function pdfText(base64: string, dir: string): string {
  const file = path.join(dir, 'invoice.pdf');
  writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('Invoice.pdf', () => {
  let isp: Isp;
  let token: string;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'dotmac-pdf-'));
    isp = await createIsp('ledger-pdf');
    token = isp.admin.accessToken;
    await mustMutate(token, 'updateBillingSettings', 'UpdateBillingSettingsInput', 'settings { tenantId }', { defaultTaxJurisdictions: ['US-CA', 'US-CA-LA'] });
    await insertTaxRates(isp.tenantId, [
      { name: 'California', jurisdiction: 'US-CA', rate: '7.25' },
      { name: 'County', jurisdiction: 'US-CA-LA', rate: '0.25' },
    ]);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('renders the number, dates, lines, taxes per rate and all totals; drafts have none', async () => {
    const [subscriber] = await createSubscribers(token, 1, 'Printed');
    const draft = await createDraft(token, subscriber!, [
      { description: 'Fiber 1000 monthly', quantity: '1', unitPrice: '10000' },
      { description: 'Static IPv4 address', quantity: '2', unitPrice: '499.5' },
    ]);
    const pdfOf = async (id: string) => dataOf(await gql(`query($id: ID!) { invoice(id: $id) { pdf } }`, { id }, { token })).invoice.pdf;
    expect(await pdfOf(draft.id)).toBeNull();
    const issued = await issue(token, draft.id, '2026-04-01');
    await recordPayment(token, { subscriberId: subscriber, amount: 5000, invoiceId: issued.id });
    await issueCreditNote(token, { invoiceId: issued.id, lines: [{ invoiceLineId: issued.lines[1].id, amount: 999 }] });

    const base64 = await pdfOf(issued.id);
    expect(Buffer.from(base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(base64, dir);
    const normalised = text.replace(/[ \t]+/g, ' ');
    expect(normalised).toContain(`Invoice ${issued.number}`);
    expect(normalised).toContain('Issue date: 2026-04-01');
    expect(normalised).toContain('Due date: 2026-04-15');
    expect(normalised).toContain(`Account: ${subscriber}`);
    expect(normalised).toMatch(/Fiber 1000 monthly 1 100\.00 100\.00 USD/);
    expect(normalised).toMatch(/Static IPv4 address 2 4\.995 9\.99 USD/);
    // 7.25 %: 7.25 + 0.72 (0.724275); 0.25 %: 0.25 + 0.02 (0.024975).
    expect(normalised).toMatch(/California \(US-CA\) 7\.25% 7\.97 USD/);
    expect(normalised).toMatch(/County \(US-CA-LA\) 0\.25% 0\.27 USD/);
    expect(normalised).toMatch(/Subtotal 109\.99 USD/);
    expect(normalised).toMatch(/Tax 8\.24 USD/);
    expect(normalised).toMatch(/Total 118\.23 USD/);
    expect(normalised).toMatch(/Credited 10\.73 USD/); // the whole IP line: 9.99 + its tax 0.72 + 0.02
    expect(normalised).toMatch(/Paid 50\.00 USD/);
    expect(normalised).toMatch(/Balance due 57\.50 USD/);
  });
});
