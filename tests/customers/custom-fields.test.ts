import { beforeAll, describe, expect, it } from 'vitest';
import { codeOf, dataOf, gql } from '../support/client.js';
import { createIsp, createUser, login, PASSWORD, type Isp } from '../support/fixtures.js';
import { changeLogOf, mutate, mutateOk, newSubscriber } from './customers-client.js';

const DEFINITION = 'definition { id key label type options required archivedAt }';

async function customFieldsOf(token: string, id: string): Promise<Array<{ key: string; value: string }>> {
  const data = dataOf(await gql(`query($id: ID!) { subscriber(id: $id) { customFields { key value definition { type } } } }`, { id }, { token }));
  return data.subscriber.customFields.map(({ key, value }: any) => ({ key, value }));
}

describe('custom fields', () => {
  let isp: Isp;
  let token: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    isp = await createIsp('fields');
    token = isp.admin.accessToken;
    for (const input of [
      { key: 'plan_code', label: 'Plan code', type: 'TEXT' },
      { key: 'contract_months', label: 'Contract months', type: 'NUMBER' },
      { key: 'has_router', label: 'Has router', type: 'BOOLEAN' },
      { key: 'install_date', label: 'Install date', type: 'DATE' },
      { key: 'tier', label: 'Tier', type: 'SELECT', options: ['bronze', 'silver', 'gold'] },
    ]) {
      ids[input.key] = (await mutateOk(token, 'defineCustomField', input, DEFINITION)).definition.id;
    }
  });

  it('lists the definitions in the order they were made', async () => {
    const data = dataOf(await gql(`{ customFieldDefinitions { key label type options required } }`, {}, { token }));
    expect(data.customFieldDefinitions.map((definition: any) => definition.key)).toEqual(['plan_code', 'contract_months', 'has_router', 'install_date', 'tier']);
    expect(data.customFieldDefinitions[4]).toEqual({ key: 'tier', label: 'Tier', type: 'SELECT', options: ['bronze', 'silver', 'gold'], required: false });
  });

  it('refuses bad definitions: key format, duplicate key, options on a non-select, a select without options', async () => {
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ key: 'Plan Code', label: 'x', type: 'TEXT' }, 'key', 'BAD_USER_INPUT'],
      [{ key: 'plan_code', label: 'Again', type: 'TEXT' }, 'key', 'CONFLICT'],
      [{ key: 'speed', label: 'Speed', type: 'NUMBER', options: ['1'] }, 'options', 'BAD_USER_INPUT'],
      [{ key: 'colour', label: 'Colour', type: 'SELECT' }, 'options', 'BAD_USER_INPUT'],
      [{ key: 'colour', label: 'Colour', type: 'SELECT', options: ['red', 'red'] }, 'options', 'BAD_USER_INPUT'],
      [{ key: 'colour', label: ' ', type: 'TEXT' }, 'label', 'BAD_USER_INPUT'],
    ];
    for (const [input, field, code] of cases) {
      const refused = await mutate(token, 'defineCustomField', input, DEFINITION);
      expect(refused.userErrors, JSON.stringify(input)).toEqual([{ code, field: [field], message: expect.any(String) }]);
    }
    const all = dataOf(await gql(`{ customFieldDefinitions(includeArchived: true) { key } }`, {}, { token }));
    expect(all.customFieldDefinitions).toHaveLength(5);
  });

  it('stores values in canonical form and logs each change', async () => {
    const { id } = await newSubscriber(token);
    const set = await mutateOk(
      token,
      'setCustomFieldValues',
      {
        subscriberId: id,
        values: [
          { key: 'plan_code', value: ' FIBER-100 ' },
          { key: 'contract_months', value: '12.0' },
          { key: 'has_router', value: 'TRUE' },
          { key: 'install_date', value: '2024-02-29' },
          { key: 'tier', value: 'gold' },
        ],
      },
      'subscriber { customFields { key value } }',
    );
    expect(set.subscriber.customFields).toEqual([
      { key: 'plan_code', value: 'FIBER-100' },
      { key: 'contract_months', value: '12' },
      { key: 'has_router', value: 'true' },
      { key: 'install_date', value: '2024-02-29' },
      { key: 'tier', value: 'gold' },
    ]);
    await mutateOk(token, 'setCustomFieldValues', { subscriberId: id, values: [{ key: 'tier', value: 'silver' }, { key: 'plan_code', value: null }] }, 'subscriber { id }');
    expect(await customFieldsOf(token, id)).toEqual([
      { key: 'contract_months', value: '12' },
      { key: 'has_router', value: 'true' },
      { key: 'install_date', value: '2024-02-29' },
      { key: 'tier', value: 'silver' },
    ]);
    const [latest] = await changeLogOf(token, id);
    expect(latest.action).toBe('CUSTOM_FIELDS_CHANGED');
    expect(latest.changes).toEqual(
      expect.arrayContaining([
        { field: 'customFields.tier', oldValue: 'gold', newValue: 'silver' },
        { field: 'customFields.plan_code', oldValue: 'FIBER-100', newValue: null },
      ]),
    );
    expect(latest.changes).toHaveLength(2);
  });

  it('refuses wrong types, unknown keys and options not in the list, writing nothing', async () => {
    const { id } = await newSubscriber(token);
    await mutateOk(token, 'setCustomFieldValues', { subscriberId: id, values: [{ key: 'tier', value: 'bronze' }] }, 'subscriber { id }');
    const cases: Array<[{ key: string; value: string }, string]> = [
      [{ key: 'contract_months', value: 'twelve' }, 'not a number'],
      [{ key: 'contract_months', value: '1e999' }, 'not a number'],
      [{ key: 'has_router', value: 'yes' }, 'true or false'],
      [{ key: 'install_date', value: '2023-02-29' }, 'not a date'],
      [{ key: 'install_date', value: '29/02/2024' }, 'not a date'],
      [{ key: 'tier', value: 'platinum' }, 'not one of: bronze, silver, gold'],
      [{ key: 'no_such_field', value: 'x' }, 'No custom field "no_such_field"'],
    ];
    for (const [value, message] of cases) {
      const refused = await mutate(token, 'setCustomFieldValues', { subscriberId: id, values: [{ key: 'plan_code', value: 'ok' }, value] }, 'subscriber { id }');
      expect(refused.userErrors, JSON.stringify(value)).toEqual([{ code: 'BAD_USER_INPUT', field: ['values', value.key], message: expect.stringContaining(message) }]);
    }
    const twice = await mutate(token, 'setCustomFieldValues', { subscriberId: id, values: [{ key: 'tier', value: 'gold' }, { key: 'tier', value: 'silver' }] }, 'subscriber { id }');
    expect(twice.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['values', 'tier'] });
    expect(await customFieldsOf(token, id)).toEqual([{ key: 'tier', value: 'bronze' }]);
  });

  it('enforces required fields on create and on every write, and lets the requirement be dropped', async () => {
    const other = await createIsp('fields-req');
    const adminToken = other.admin.accessToken;
    const { id: existing } = await newSubscriber(adminToken);
    const required = await mutateOk(adminToken, 'defineCustomField', { key: 'meter_id', label: 'Meter id', type: 'TEXT', required: true }, DEFINITION);
    await mutateOk(adminToken, 'defineCustomField', { key: 'notes_ref', label: 'Ref', type: 'TEXT' }, DEFINITION);
    const missing = await mutate(adminToken, 'createSubscriber', { name: 'No meter' }, 'subscriber { id }');
    expect(missing.userErrors).toEqual([{ code: 'BAD_USER_INPUT', field: ['customFields', 'meter_id'], message: 'Meter id is required' }]);
    const created = await mutateOk(adminToken, 'createSubscriber', { name: 'Has meter', customFields: [{ key: 'meter_id', value: 'M-1' }] }, 'subscriber { id customFields { key value } }');
    expect(created.subscriber.customFields).toEqual([{ key: 'meter_id', value: 'M-1' }]);
    const cleared = await mutate(adminToken, 'setCustomFieldValues', { subscriberId: created.subscriber.id, values: [{ key: 'meter_id', value: null }] }, 'subscriber { id }');
    expect(cleared.userErrors).toEqual([{ code: 'BAD_USER_INPUT', field: ['values', 'meter_id'], message: 'Meter id is required and cannot be cleared' }]);
    // A subscriber made before the field became required must supply it with its next custom field write.
    const older = await mutate(adminToken, 'setCustomFieldValues', { subscriberId: existing, values: [{ key: 'notes_ref', value: 'r' }] }, 'subscriber { id }');
    expect(older.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['values', 'meter_id'] });
    await mutateOk(adminToken, 'updateCustomFieldDefinition', { definitionId: required.definition.id, required: false }, DEFINITION);
    await mutateOk(adminToken, 'setCustomFieldValues', { subscriberId: existing, values: [{ key: 'notes_ref', value: 'r' }] }, 'subscriber { id }');
    expect(await customFieldsOf(adminToken, existing)).toEqual([{ key: 'notes_ref', value: 'r' }]);
    const subscriberCount = dataOf(await gql(`{ subscribers { totalCount } }`, {}, { token: adminToken })).subscribers.totalCount;
    expect(subscriberCount).toBe(2);
  });

  it('updates labels and options, but not away from an option in use; archives a field and hides its values', async () => {
    const { id } = await newSubscriber(token);
    await mutateOk(token, 'setCustomFieldValues', { subscriberId: id, values: [{ key: 'tier', value: 'silver' }] }, 'subscriber { id }');
    const inUse = await mutate(token, 'updateCustomFieldDefinition', { definitionId: ids.tier, options: ['bronze', 'gold'] }, DEFINITION);
    expect(inUse.userErrors[0]).toMatchObject({ code: 'CONFLICT', field: ['options'] });
    const relabelled = await mutateOk(token, 'updateCustomFieldDefinition', { definitionId: ids.tier, label: 'Service tier', options: ['bronze', 'silver', 'gold', 'platinum'] }, DEFINITION);
    expect(relabelled.definition).toMatchObject({ label: 'Service tier', options: ['bronze', 'silver', 'gold', 'platinum'] });
    const archived = await mutateOk(token, 'archiveCustomFieldDefinition', { definitionId: ids.tier }, DEFINITION);
    expect(archived.definition.archivedAt).not.toBeNull();
    expect(await customFieldsOf(token, id)).toEqual([]);
    const again = await mutate(token, 'archiveCustomFieldDefinition', { definitionId: ids.tier }, DEFINITION);
    expect(again.userErrors[0]).toMatchObject({ code: 'CONFLICT' });
    const setArchived = await mutate(token, 'setCustomFieldValues', { subscriberId: id, values: [{ key: 'tier', value: 'gold' }] }, 'subscriber { id }');
    expect(setArchived.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['values', 'tier'] });
    const active = dataOf(await gql(`{ customFieldDefinitions { key } }`, {}, { token }));
    expect(active.customFieldDefinitions.map((definition: any) => definition.key)).not.toContain('tier');
    const reuse = await mutate(token, 'defineCustomField', { key: 'tier', label: 'Tier again', type: 'TEXT' }, DEFINITION);
    expect(reuse.userErrors[0]).toMatchObject({ code: 'CONFLICT', field: ['key'] });
  });

  it('lets only tenant admins define fields', async () => {
    const email = `billing@${isp.slug}.example`;
    await createUser(isp.tenantId, email, ['BILLING'], token);
    const billing = await login(email, PASSWORD);
    const refused = await gql(`mutation { defineCustomField(input: { key: "x", label: "X", type: TEXT }) { userErrors { code } } }`, {}, { token: billing.accessToken });
    expect(codeOf(refused)).toBe('FORBIDDEN');
    const listed = dataOf(await gql(`{ customFieldDefinitions { key } }`, {}, { token: billing.accessToken }));
    expect(listed.customFieldDefinitions.length).toBeGreaterThan(0);
  });
});
