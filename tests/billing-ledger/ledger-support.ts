import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { fromGlobalId } from '@dotmac/kernel';
import { dataOf, gql } from '../support/client.js';
import { platform } from '../support/platform-context.js';

/** The fields of an invoice the ledger tests look at. */
export const INVOICE = `id number status kind currency issueDate dueDate memo voidReason subscriber { id }
  subtotal { amount currency } tax { amount } total { amount decimal } credited { amount } paid { amount } balanceDue { amount }
  lines { id position description kind quantity unitPrice amount { amount } tax { amount } taxes { name jurisdiction rate amount { amount } } }`;
export const PAYMENT = `id amount { amount currency } unallocated { amount } method processor processorPaymentId receivedAt subscriber { id }
  allocations { amount { amount } reason invoice { id number } }`;
export const CREDIT_NOTE = `id number reason subtotal { amount } tax { amount } total { amount } invoice { id }
  lines { invoiceLineId description amount { amount } tax { amount } }`;

export const rawId = (globalId: string): string => fromGlobalId(globalId).id;

export interface LineInput {
  description: string;
  quantity: string;
  unitPrice: string;
  kind?: string;
}

/** A line of `amountMinor` (quantity 1). */
export const line = (description: string, amountMinor: number): LineInput => ({ description, quantity: '1', unitPrice: String(amountMinor) });

type Payload = Record<string, any> & { userErrors: Array<{ code: string; field?: string[]; message: string }> };

/** Runs one mutation and returns its payload (with its userErrors, which the caller checks). */
export async function mutate(token: string, name: string, inputType: string, selection: string, input: Record<string, unknown>): Promise<Payload> {
  const data = dataOf(
    await gql(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${selection} userErrors { code field message } } }`, { input }, { token }),
  );
  return data[name];
}

/** Like `mutate`, but a userError fails the test. */
export async function mustMutate(token: string, name: string, inputType: string, selection: string, input: Record<string, unknown>): Promise<Payload> {
  const payload = await mutate(token, name, inputType, selection, input);
  if (payload.userErrors.length) throw new Error(`${name}: ${JSON.stringify(payload.userErrors)}`);
  return payload;
}

export async function createDraft(token: string, subscriberId: string, lines: LineInput[], extra: Record<string, unknown> = {}) {
  return (await mustMutate(token, 'createInvoice', 'CreateInvoiceInput', `invoice { ${INVOICE} }`, { subscriberId, lines, ...extra })).invoice;
}

export async function issue(token: string, invoiceId: string, issueDate?: string) {
  return (await mustMutate(token, 'issueInvoice', 'IssueInvoiceInput', `invoice { ${INVOICE} }`, { invoiceId, issueDate })).invoice;
}

/** A draft with these lines, issued. */
export async function issuedInvoice(token: string, subscriberId: string, lines: LineInput[], issueDate?: string) {
  return issue(token, (await createDraft(token, subscriberId, lines)).id, issueDate);
}

export function recordPayment(token: string, input: Record<string, unknown>) {
  return mutate(token, 'recordPayment', 'RecordPaymentInput', `duplicate payment { ${PAYMENT} }`, { currency: 'USD', method: 'CARD', ...input });
}

export function issueCreditNote(token: string, input: Record<string, unknown>) {
  return mutate(token, 'issueCreditNote', 'IssueCreditNoteInput', `creditNote { ${CREDIT_NOTE} } invoice { ${INVOICE} }`, { reason: 'Correction', ...input });
}

export async function invoice(token: string, id: string) {
  return dataOf(await gql(`query($id: ID!) { invoice(id: $id) { ${INVOICE} } }`, { id }, { token })).invoice;
}

export async function balanceOf(token: string, subscriberId: string): Promise<{ balance: number; credit: number; currency: string }> {
  const data = dataOf(
    await gql(`query($id: ID!) { subscriber(id: $id) { balance { amount currency } accountCredit { amount } } }`, { id: subscriberId }, { token }),
  );
  return { balance: data.subscriber.balance.amount, credit: data.subscriber.accountCredit.amount, currency: data.subscriber.balance.currency };
}

/**
 * TEST-ONLY direct SQL on the billing database as its OWNER role in the platform scope (sees every
 * tenant, bypasses the API): used to set up rows no mutation of this branch writes (tax rates,
 * delinquency) and to prove what the database itself refuses.
 */
export async function billingSql<T extends Record<string, unknown> = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: platform().ownerDatabaseUrls.billing });
  await client.connect();
  try {
    await client.query(`select set_config('app.scope', 'platform', false)`);
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

export interface TaxRateRow {
  name: string;
  jurisdiction: string;
  rate: string;
  effectiveFrom?: string;
  effectiveTo?: string;
}

/** TEST-ONLY: inserts tax rates for a tenant straight into the billing database (see `billingSql`). */
export async function insertTaxRates(tenantGlobalId: string, rates: TaxRateRow[]): Promise<void> {
  for (const rate of rates) {
    await billingSql(
      `insert into tax_rate (id, tenant_id, name, jurisdiction, rate, effective_from, effective_to, created_at) values ($1, $2, $3, $4, $5, $6, $7, now())`,
      [randomUUID(), rawId(tenantGlobalId), rate.name, rate.jurisdiction, rate.rate, rate.effectiveFrom ?? '2000-01-01', rate.effectiveTo ?? null],
    );
  }
}
