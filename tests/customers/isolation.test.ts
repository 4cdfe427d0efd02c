import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromGlobalId } from '@dotmac/kernel';
import { codeOf, dataOf, gql } from '../support/client.js';
import { createIsp, type Isp } from '../support/fixtures.js';
import { platform } from '../support/platform-context.js';
import { mutate, mutateOk, newSubscriber } from './customers-client.js';

describe('subscriber details stay inside their ISP', () => {
  let ispA: Isp;
  let ispB: Isp;
  let subscriber: string;
  let contact: string;
  let address: string;
  let definition: string;

  beforeAll(async () => {
    ispA = await createIsp('iso-details-a');
    ispB = await createIsp('iso-details-b');
    const token = ispA.admin.accessToken;
    definition = (await mutateOk(token, 'defineCustomField', { key: 'secret_plan', label: 'Secret plan', type: 'TEXT' }, 'definition { id }')).definition.id;
    subscriber = (await newSubscriber(token, { name: 'A private', accountNumber: 'SHARED-1', customFields: [{ key: 'secret_plan', value: 'A plan' }] })).id;
    contact = (await mutateOk(token, 'addContact', { subscriberId: subscriber, name: 'A contact', role: 'PRIMARY', email: 'a@example.net' }, 'contact { id }')).contact.id;
    address = (await mutateOk(token, 'addServiceAddress', { subscriberId: subscriber, line1: 'A street', city: 'A city', country: 'FR' }, 'serviceAddress { id }')).serviceAddress.id;
    await mutateOk(token, 'addNote', { subscriberId: subscriber, body: 'A note' }, 'note { id }');
  });

  it("another ISP cannot read the subscriber or any of its details", async () => {
    const read = await gql(
      `query($id: ID!) { subscriber(id: $id) { contacts { name } serviceAddresses { city } customFields { value } notes { totalCount } changeLog { totalCount } } }`,
      { id: subscriber },
      { token: ispB.admin.accessToken },
    );
    expect(codeOf(read)).toBe('NOT_FOUND');
    expect(JSON.stringify(read)).not.toMatch(/A contact|A city|A plan|A note/);
    const definitions = dataOf(await gql(`{ customFieldDefinitions(includeArchived: true) { key } }`, {}, { token: ispB.admin.accessToken }));
    expect(definitions.customFieldDefinitions).toEqual([]);
    const named = await gql(`query($t: ID) { customFieldDefinitions(tenantId: $t) { key } }`, { t: ispA.tenantId }, { token: ispB.admin.accessToken });
    expect(codeOf(named)).toBe('NOT_FOUND');
  });

  it('another ISP cannot change the subscriber or any of its details', async () => {
    const token = ispB.admin.accessToken;
    const attempts: Array<[string, Record<string, unknown>]> = [
      ['transitionSubscriber', { subscriberId: subscriber, to: 'CANCELLED' }],
      ['addContact', { subscriberId: subscriber, name: 'Intruder', role: 'OTHER', email: 'i@example.net' }],
      ['updateContact', { contactId: contact, name: 'Hijacked' }],
      ['removeContact', { contactId: contact }],
      ['addServiceAddress', { subscriberId: subscriber, line1: 'x', city: 'x', country: 'US' }],
      ['updateServiceAddress', { addressId: address, city: 'Hijacked' }],
      ['removeServiceAddress', { addressId: address }],
      ['setCustomFieldValues', { subscriberId: subscriber, values: [{ key: 'secret_plan', value: 'Hijacked' }] }],
      ['addNote', { subscriberId: subscriber, body: 'Intruder note' }],
      ['updateCustomFieldDefinition', { definitionId: definition, label: 'Hijacked' }],
      ['archiveCustomFieldDefinition', { definitionId: definition }],
    ];
    for (const [name, input] of attempts) {
      const payload = await mutate(token, name, input);
      expect(payload.userErrors, name).toEqual([{ code: 'NOT_FOUND', field: null, message: expect.any(String) }]);
    }
    const after = dataOf(
      await gql(
        `query($id: ID!) { subscriber(id: $id) { status contacts { name } serviceAddresses { city } customFields { value definition { label archivedAt } } notes { totalCount } changeLog { totalCount } } }`,
        { id: subscriber },
        { token: ispA.admin.accessToken },
      ),
    ).subscriber;
    expect(after).toEqual({
      status: 'LEAD',
      contacts: [{ name: 'A contact' }],
      serviceAddresses: [{ city: 'A city' }],
      customFields: [{ value: 'A plan', definition: { label: 'Secret plan', archivedAt: null } }],
      notes: { totalCount: 1 },
      changeLog: { totalCount: 3 },
    });
  });

  it('account numbers are unique per ISP, so another ISP imports the same number', async () => {
    const imported = dataOf(
      await gql(`mutation($input: ImportSubscribersInput!) { importSubscribers(input: $input) { importedCount userErrors { code } } }`, { input: { rows: [{ name: 'B own', accountNumber: 'SHARED-1' }] } }, { token: ispB.admin.accessToken }),
    ).importSubscribers;
    expect(imported).toEqual({ importedCount: 1, userErrors: [] });
    const named = await gql(
      `mutation($input: ImportSubscribersInput!) { importSubscribers(input: $input) { importedCount } }`,
      { input: { tenantId: ispA.tenantId, rows: [{ name: 'Smuggled' }] } },
      { token: ispB.admin.accessToken },
    );
    expect(codeOf(named)).toBe('NOT_FOUND');
  });

  describe('in the database (application role)', () => {
    let client: pg.Client;
    afterAll(() => client?.end());

    it('every new table shows only the tenant of the transaction and refuses rows of another', async () => {
      client = new pg.Client({ connectionString: platform().appDatabaseUrls.customers });
      await client.connect();
      const tenantA = fromGlobalId(ispA.tenantId).id;
      const tenantB = fromGlobalId(ispB.tenantId).id;
      const tables = ['contact', 'service_address', 'custom_field_definition', 'custom_field_value', 'subscriber_note', 'subscriber_change', 'processed_event'];
      for (const table of tables) {
        const unscoped = await client.query(`select count(*)::int as n from "${table}"`);
        expect(unscoped.rows[0].n, table).toBe(0);
      }
      await client.query('begin');
      await client.query(`select set_config('app.tenant_id', $1, true)`, [tenantB]);
      for (const table of tables) {
        const rows = await client.query(`select count(*)::int as n from "${table}" where tenant_id = $1`, [tenantA]);
        expect(rows.rows[0].n, table).toBe(0);
      }
      await expect(
        client.query(`insert into contact (id, tenant_id, subscriber_id, name, role, email, created_at, updated_at) values (gen_random_uuid(), $1, $2, 'x', 'other', 'x@example.net', now(), now())`, [
          tenantA,
          fromGlobalId(subscriber).id,
        ]),
      ).rejects.toThrow(/row-level security/);
      await client.query('rollback');
      await client.query('begin');
      await client.query(`select set_config('app.tenant_id', $1, true)`, [tenantB]);
      // A row of tenant B may not point at tenant A's subscriber either.
      await client.query(`insert into contact (id, tenant_id, subscriber_id, name, role, email, created_at, updated_at) values (gen_random_uuid(), $1, $2, 'x', 'other', 'x@example.net', now(), now())`, [
        tenantB,
        fromGlobalId(subscriber).id,
      ]);
      await expect(client.query('commit')).rejects.toThrow(/foreign key/);
    });
  });
});
