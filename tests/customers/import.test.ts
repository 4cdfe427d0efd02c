import { describe, expect, it } from 'vitest';
import { dataOf, gql } from '../support/client.js';
import { createIsp } from '../support/fixtures.js';
import { platform } from '../support/platform-context.js';
import { changeLogOf, eventually, mutateOk, newSubscriber } from './customers-client.js';

const IMPORT = `mutation($input: ImportSubscribersInput!) {
  importSubscribers(input: $input) { importedCount imported { line subscriberId accountNumber } rowErrors { line field code message } userErrors { code field message } }
}`;

/** A complete, valid row: contact data, a primary service address and a custom field value. */
function row(n: number): Record<string, unknown> {
  return {
    name: `Imported ${String(n).padStart(5, '0')}`,
    email: `imported${n}@example.net`,
    type: n % 10 === 0 ? 'BUSINESS' : 'RESIDENTIAL',
    status: n % 3 === 0 ? 'LEAD' : 'ACTIVE',
    phone: `+1 555 ${String(n).padStart(7, '0')}`,
    addressLine1: `${n} Main Street`,
    city: 'Springfield',
    region: 'IL',
    postalCode: '62701',
    country: 'US',
    latitude: 39.78 + n / 1_000_000,
    longitude: -89.65 - n / 1_000_000,
    customFields: [{ key: 'plan', value: n % 2 ? 'fiber-100' : 'fiber-500' }],
  };
}

const countOf = async (token: string) => dataOf(await gql(`{ subscribers { totalCount } }`, {}, { token })).subscribers.totalCount;
const definePlan = (token: string, required = false) =>
  mutateOk(token, 'defineCustomField', { key: 'plan', label: 'Plan', type: 'SELECT', options: ['fiber-100', 'fiber-500'], required }, 'definition { id }');

describe('bulk import', () => {
  it('imports 10,000 rows in one request, in one transaction, in well under 30 s', async () => {
    const isp = await createIsp('import-10k');
    const token = isp.admin.accessToken;
    await definePlan(token, true);
    const rows = Array.from({ length: 10_000 }, (_, index) => row(index + 1));
    rows[0]!.accountNumber = 'S-000500';
    const bodyBytes = Buffer.byteLength(JSON.stringify({ query: IMPORT, variables: { input: { rows } } }));
    const started = performance.now();
    const result = dataOf(await gql(IMPORT, { input: { rows } }, { token })).importSubscribers;
    const elapsedMs = Math.round(performance.now() - started);
    console.log(`imported 10,000 rows (${(bodyBytes / 1024 / 1024).toFixed(2)} MB request) in ${elapsedMs} ms`);
    expect(result.userErrors).toEqual([]);
    expect(result.rowErrors).toEqual([]);
    expect(result.importedCount).toBe(10_000);
    expect(elapsedMs).toBeLessThan(30_000);
    // Generated numbers continue after the highest S-number, the file's own included.
    expect(result.imported.slice(0, 3).map((imported: any) => [imported.line, imported.accountNumber])).toEqual([[1, 'S-000500'], [2, 'S-000501'], [3, 'S-000502']]);
    expect(result.imported.at(-1).accountNumber).toBe('S-010499');
    expect(await countOf(token)).toBe(10_000);
    const next = await newSubscriber(token, { customFields: [{ key: 'plan', value: 'fiber-100' }] });
    expect(next.accountNumber).toBe('S-010500');

    const sample = result.imported[41];
    const details = dataOf(
      await gql(
        `query($id: ID!) { subscriber(id: $id) { name email phone type status accountNumber serviceAddresses { line1 city country latitude isPrimary } customFields { key value } } }`,
        { id: sample.subscriberId },
        { token },
      ),
    ).subscriber;
    expect(details).toMatchObject({
      name: 'Imported 00042',
      email: 'imported42@example.net',
      phone: '+1 555 0000042',
      status: 'LEAD',
      accountNumber: sample.accountNumber,
      serviceAddresses: [{ line1: '42 Main Street', city: 'Springfield', country: 'US', latitude: 39.780042, isPrimary: true }],
      customFields: [{ key: 'plan', value: 'fiber-500' }],
    });
    const log = await changeLogOf(token, sample.subscriberId);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ action: 'IMPORTED', actorKind: 'user', actorId: isp.admin.userId });
    expect(log[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'name', oldValue: null, newValue: 'Imported 00042' },
        { field: 'address.city', oldValue: null, newValue: 'Springfield' },
        { field: 'customFields.plan', oldValue: null, newValue: 'fiber-500' },
      ]),
    );
    await eventually(
      async () => {
        const audit = dataOf(await gql(`{ auditLog(filter: { operation: "importSubscribers" }) { totalCount edges { node { details } } } }`, {}, { token }));
        return audit.auditLog.totalCount === 1 && JSON.parse(audit.auditLog.edges[0].node.details).imported === 10_000;
      },
      15_000,
      'one audit record for the import',
    );
  });

  it('reports every bad row with its line and reason, and writes nothing', async () => {
    const isp = await createIsp('import-bad');
    const token = isp.admin.accessToken;
    await definePlan(token, true);
    const existing = await newSubscriber(token, { accountNumber: 'TAKEN-1', customFields: [{ key: 'plan', value: 'fiber-100' }] });
    const rows = Array.from({ length: 20 }, (_, index) => row(index + 1));
    const patch = (line: number, change: Record<string, unknown>) => Object.assign(rows[line - 1]!, change);
    patch(2, { email: 'nope' });
    patch(3, { accountNumber: 'A-1' });
    patch(4, { name: '  ' });
    patch(5, { country: 'ZZ' });
    patch(6, { latitude: 95 });
    patch(7, { customFields: [{ key: 'plan', value: 'fiber-100' }, { key: 'colour', value: 'red' }] });
    patch(8, { customFields: [{ key: 'plan', value: 'fiber-9000' }] });
    patch(9, { customFields: [] });
    patch(10, { accountNumber: 'A-1' });
    patch(11, { accountNumber: 'TAKEN-1' });
    patch(12, { status: 'SUSPENDED' });
    patch(13, { email: 'also-bad', phone: 'x' });
    patch(14, { addressLine1: null });
    const result = dataOf(await gql(IMPORT, { input: { rows } }, { token })).importSubscribers;
    expect(result.importedCount).toBe(0);
    expect(result.imported).toEqual([]);
    expect(result.userErrors).toEqual([{ code: 'BAD_USER_INPUT', field: ['rows'], message: '12 of 20 rows are invalid; nothing was imported' }]);
    const problems = result.rowErrors.map((error: any) => [error.line, error.field.join('.'), error.code]);
    expect(problems).toEqual([
      [2, 'email', 'BAD_USER_INPUT'],
      [4, 'name', 'BAD_USER_INPUT'],
      [5, 'country', 'BAD_USER_INPUT'],
      [6, 'latitude', 'BAD_USER_INPUT'],
      [7, 'customFields.colour', 'BAD_USER_INPUT'],
      [8, 'customFields.plan', 'BAD_USER_INPUT'],
      [9, 'customFields.plan', 'BAD_USER_INPUT'],
      [10, 'accountNumber', 'CONFLICT'],
      [11, 'accountNumber', 'CONFLICT'],
      [12, 'status', 'BAD_USER_INPUT'],
      [13, 'email', 'BAD_USER_INPUT'],
      [13, 'phone', 'BAD_USER_INPUT'],
      [14, 'addressLine1', 'BAD_USER_INPUT'],
    ]);
    const messageOf = (line: number) => result.rowErrors.find((error: any) => error.line === line).message;
    expect(messageOf(8)).toContain('"fiber-9000" is not one of: fiber-100, fiber-500');
    expect(messageOf(9)).toBe('Plan is required');
    expect(messageOf(10)).toBe('Account number A-1 is also on line 3');
    expect(messageOf(11)).toBe('Account number TAKEN-1 is taken');
    expect(await countOf(token)).toBe(1);
    expect((await changeLogOf(token, existing.id)).map((entry) => entry.action)).toEqual(['CREATED']);
  });

  it('reports every repetition of an account number within the file', async () => {
    const isp = await createIsp('import-dup');
    const token = isp.admin.accessToken;
    const rows = Array.from({ length: 8 }, (_, index) => ({ name: `Dup ${index + 1}`, accountNumber: [0, 3, 6].includes(index) ? 'DUP-1' : `UNIQUE-${index + 1}` }));
    rows[5]!.accountNumber = 'UNIQUE-2';
    const result = dataOf(await gql(IMPORT, { input: { rows } }, { token })).importSubscribers;
    expect(result.rowErrors).toEqual([
      { line: 4, field: ['accountNumber'], code: 'CONFLICT', message: 'Account number DUP-1 is also on line 1' },
      { line: 6, field: ['accountNumber'], code: 'CONFLICT', message: 'Account number UNIQUE-2 is also on line 2' },
      { line: 7, field: ['accountNumber'], code: 'CONFLICT', message: 'Account number DUP-1 is also on line 1' },
    ]);
    expect(await countOf(token)).toBe(0);
  });

  it('imports a file of a few hundred rows through the platform gateway; refuses empty and oversized files', async () => {
    const isp = await createIsp('import-small');
    const token = isp.admin.accessToken;
    await newSubscriber(token, { accountNumber: 'S-000041' });
    const rows = Array.from({ length: 300 }, (_, index) => ({ name: `Small ${index + 1}`, email: index % 2 ? `dup@example.net` : null }));
    const result = dataOf(await gql(IMPORT, { input: { rows } }, { token })).importSubscribers;
    expect(result.userErrors).toEqual([]);
    expect(result.importedCount).toBe(300);
    expect(result.imported[0].accountNumber).toBe('S-000042');
    expect(await countOf(token)).toBe(301);
    const empty = dataOf(await gql(IMPORT, { input: { rows: [] } }, { token })).importSubscribers;
    expect(empty.userErrors).toEqual([{ code: 'BAD_USER_INPUT', field: ['rows'], message: 'Give at least one row' }]);
    const tooMany = Array.from({ length: 10_001 }, (_, index) => ({ name: `N${index}` }));
    const oversized = dataOf(await gql(IMPORT, { input: { rows: tooMany } }, { token })).importSubscribers;
    expect(oversized.userErrors).toEqual([{ code: 'BAD_USER_INPUT', field: ['rows'], message: 'At most 10000 rows per import; got 10001' }]);
    expect(await countOf(token)).toBe(301);
  });
});
