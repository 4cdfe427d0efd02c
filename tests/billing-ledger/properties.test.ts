import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataOf, gql } from '../support/client.js';
import { createIsp, createSubscribers, type Isp } from '../support/fixtures.js';
import {
  balanceOf, billingSql, createDraft, insertTaxRates, invoice, issue, issueCreditNote, mustMutate, mutate, rawId, recordPayment, type LineInput,
} from './ledger-support.js';

/** Independent arithmetic of the rules (BigInt, HALF_UP), to check the API against. */
const halfUp = (numerator: bigint, denominator: bigint): bigint => (numerator * 2n + denominator) / (denominator * 2n);
const scaled = (text: string, scale: number): bigint => {
  const [whole, fraction = ''] = text.split('.');
  return BigInt(whole!) * 10n ** BigInt(scale) + BigInt(fraction.padEnd(scale, '0') || '0');
};
const expectedAmount = (line: LineInput): number => Number(halfUp(scaled(line.quantity, 6) * scaled(line.unitPrice, 6), 10n ** 12n));
const expectedTax = (amount: number, rate: string): number => Number(halfUp(BigInt(amount) * scaled(rate, 4), 100n * 10n ** 4n));

const RATES = [
  { name: 'State', jurisdiction: 'J-STATE', rate: '7.25' },
  { name: 'County', jurisdiction: 'J-COUNTY', rate: '0.25' },
  { name: 'City', jurisdiction: 'J-CITY', rate: '0.75' },
  { name: 'District', jurisdiction: 'J-DIST', rate: '0.5' },
  { name: 'Odd', jurisdiction: 'J-ODD', rate: '13.3333' },
];

const decimal = (maxWhole: number) =>
  fc.tuple(fc.integer({ min: 0, max: maxWhole }), fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 0, max: 6 })).map(([whole, fraction, places]) =>
    places === 0 ? String(whole) : `${whole}.${String(fraction).padStart(6, '0').slice(0, places)}`,
  );
const lineArb = fc.record({
  description: fc.constantFrom('Fiber', 'Install', 'Router', 'Static IP', 'Usage'),
  quantity: decimal(50).filter((text) => scaled(text, 6) > 0n),
  unitPrice: decimal(20_000),
});
const linesArb = fc.array(lineArb, { minLength: 1, maxLength: 4 });

describe('ledger properties (fast-check against the real API)', () => {
  let isp: Isp;
  let token: string;

  beforeAll(async () => {
    isp = await createIsp('ledger-props');
    token = isp.admin.accessToken;
    await mustMutate(token, 'updateBillingSettings', 'UpdateBillingSettingsInput', 'settings { tenantId }', { defaultTaxJurisdictions: RATES.map((rate) => rate.jurisdiction) });
    await insertTaxRates(isp.tenantId, RATES);
  });

  /** A fresh subscriber paying the taxes of `jurisdictions` (TEST-ONLY: set on its billing account by SQL). */
  async function subscriberIn(jurisdictions: string[], draftLines: LineInput[]) {
    const [subscriber] = await createSubscribers(token, 1, 'Property');
    const draft = await createDraft(token, subscriber!, draftLines);
    await billingSql(`update billing_account set tax_jurisdictions = $1 where subscriber_id = $2`, [jurisdictions, rawId(subscriber!)]);
    return { subscriber: subscriber!, draft };
  }

  it('total = Σ lines + Σ taxes, each line rounded once and each rate on each line rounded on its own', async () => {
    await fc.assert(
      fc.asyncProperty(linesArb, fc.subarray(RATES.map((rate) => rate.jurisdiction)), async (lines, jurisdictions) => {
        const { draft } = await subscriberIn(jurisdictions, lines);
        const issued = await issue(token, draft.id, '2026-06-01');
        const amounts = lines.map(expectedAmount);
        const rates = RATES.filter((rate) => jurisdictions.includes(rate.jurisdiction));
        const taxes = amounts.map((amount) => rates.reduce((sum, rate) => sum + expectedTax(amount, rate.rate), 0));
        expect(issued.lines.map((row: any) => row.amount.amount)).toEqual(amounts);
        expect(issued.lines.map((row: any) => row.tax.amount)).toEqual(taxes);
        for (const row of issued.lines) expect(row.tax.amount).toBe(row.taxes.reduce((sum: number, tax: any) => sum + tax.amount.amount, 0));
        const sumLines = amounts.reduce((a, b) => a + b, 0);
        const sumTaxes = taxes.reduce((a, b) => a + b, 0);
        expect(issued).toMatchObject({ subtotal: { amount: sumLines }, tax: { amount: sumTaxes }, total: { amount: sumLines + sumTaxes } });
        expect(issued.balanceDue.amount).toBe(issued.total.amount - issued.credited.amount - issued.paid.amount);
      }),
      { numRuns: 15 },
    );
  });

  type Operation =
    | { kind: 'pay'; amount: number; toInvoice: number | null }
    | { kind: 'credit'; invoice: number; line: number; amount: number }
    | { kind: 'creditWhole'; invoice: number }
    | { kind: 'issue'; lines: LineInput[] }
    | { kind: 'void'; invoice: number };
  const operationArb: fc.Arbitrary<Operation> = fc.oneof(
    fc.record({ kind: fc.constant('pay' as const), amount: fc.integer({ min: 1, max: 30_000 }), toInvoice: fc.option(fc.nat(3)) }),
    fc.record({ kind: fc.constant('credit' as const), invoice: fc.nat(3), line: fc.nat(3), amount: fc.integer({ min: 1, max: 20_000 }) }),
    fc.record({ kind: fc.constant('creditWhole' as const), invoice: fc.nat(3) }),
    fc.record({ kind: fc.constant('issue' as const), lines: linesArb }),
    fc.record({ kind: fc.constant('void' as const), invoice: fc.nat(3) }),
  );

  it('payments and credit notes in any order never make the balance drift from Σ issued − Σ credit notes − Σ payments', async () => {
    await fc.assert(
      fc.asyncProperty(linesArb, fc.subarray(RATES.map((rate) => rate.jurisdiction)), fc.array(operationArb, { minLength: 1, maxLength: 6 }), async (lines, jurisdictions, operations) => {
        const { subscriber, draft } = await subscriberIn(jurisdictions, lines);
        const invoices: any[] = [await issue(token, draft.id)];
        let paid = 0;
        let credited = 0;
        for (const operation of operations) {
          const target = 'invoice' in operation ? invoices[operation.invoice % invoices.length] : undefined;
          if (operation.kind === 'pay') {
            const invoiceId = operation.toInvoice === null ? undefined : invoices[operation.toInvoice % invoices.length].id;
            const payload = await recordPayment(token, { subscriberId: subscriber, amount: operation.amount, invoiceId });
            if (!payload.userErrors.length) paid += operation.amount;
            else expect(payload.userErrors[0].code).toBe('CONFLICT'); // a void invoice
          } else if (operation.kind === 'credit' || operation.kind === 'creditWhole') {
            const request =
              operation.kind === 'credit'
                ? { invoiceId: target.id, lines: [{ invoiceLineId: target.lines[operation.line % target.lines.length].id, amount: operation.amount }] }
                : { invoiceId: target.id, whole: true };
            const payload = await issueCreditNote(token, request);
            if (!payload.userErrors.length) credited += payload.creditNote.total.amount;
            else expect(['BAD_USER_INPUT', 'CONFLICT']).toContain(payload.userErrors[0].code);
          } else if (operation.kind === 'issue') {
            invoices.push(await issue(token, (await createDraft(token, subscriber, operation.lines)).id));
          } else {
            await mutate(token, 'voidInvoice', 'VoidInvoiceInput', 'invoice { id }', { invoiceId: target.id, reason: 'property' });
          }
        }
        const now = await Promise.all(invoices.map((row) => invoice(token, row.id)));
        const issuedTotal = now.filter((row) => row.status !== 'VOID').reduce((sum, row) => sum + row.total.amount, 0);
        for (const row of now) {
          if (row.status !== 'VOID') expect(row.balanceDue.amount).toBe(row.total.amount - row.credited.amount - row.paid.amount);
          expect(row.credited.amount + row.paid.amount).toBeLessThanOrEqual(row.total.amount);
          expect(row.balanceDue.amount).toBeGreaterThanOrEqual(0);
          expect(row.status === 'PAID').toBe(row.status !== 'VOID' && row.balanceDue.amount === 0);
        }
        const { balance, credit } = await balanceOf(token, subscriber);
        expect(balance).toBe(issuedTotal - credited - paid);
        // Credit never sits next to an open invoice: it is applied as soon as it appears.
        if (credit > 0) expect(now.filter((row) => row.balanceDue.amount > 0)).toEqual([]);
        const payments = dataOf(await gql(`query($s: ID!) { payments(first: 100, filter: { subscriberId: $s }) { edges { node { amount { amount } unallocated { amount } } } } }`, { s: subscriber }, { token })).payments.edges;
        expect(payments.reduce((sum: number, edge: any) => sum + edge.node.unallocated.amount, 0)).toBe(credit);
        expect(payments.reduce((sum: number, edge: any) => sum + edge.node.amount.amount, 0)).toBe(paid);
      }),
      { numRuns: 15 },
    );
  });
});
