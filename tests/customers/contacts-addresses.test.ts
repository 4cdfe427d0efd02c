import { beforeAll, describe, expect, it } from 'vitest';
import { dataOf, gql } from '../support/client.js';
import { createIsp, type Isp } from '../support/fixtures.js';
import { changeLogOf, mutate, mutateOk, newSubscriber } from './customers-client.js';

const CONTACT = 'contact { id name role email phone }';
const ADDRESS = 'serviceAddress { id line1 line2 city region postalCode country latitude longitude isPrimary }';

async function detailsOf(token: string, id: string) {
  const data = dataOf(
    await gql(
      `query($id: ID!) { subscriber(id: $id) { contacts { id name role email phone } serviceAddresses { id line1 city country latitude longitude isPrimary } } }`,
      { id },
      { token },
    ),
  );
  return data.subscriber;
}

describe('contacts', () => {
  let isp: Isp;
  let token: string;
  beforeAll(async () => {
    isp = await createIsp('contacts');
    token = isp.admin.accessToken;
  });

  it('adds, updates and removes contacts, listing the primary first', async () => {
    const { id } = await newSubscriber(token);
    const billing = await mutateOk(token, 'addContact', { subscriberId: id, name: ' Bea Biller ', role: 'BILLING', email: 'BEA@Example.net' }, CONTACT);
    expect(billing.contact).toMatchObject({ name: 'Bea Biller', role: 'BILLING', email: 'bea@example.net', phone: null });
    const primary = await mutateOk(token, 'addContact', { subscriberId: id, name: 'Pat Primary', role: 'PRIMARY', phone: '+1 (555) 010-2030' }, CONTACT);
    expect((await detailsOf(token, id)).contacts.map((contact: any) => contact.name)).toEqual(['Pat Primary', 'Bea Biller']);
    const updated = await mutateOk(token, 'updateContact', { contactId: billing.contact.id, role: 'TECHNICAL', phone: '555 0100' }, CONTACT);
    expect(updated.contact).toMatchObject({ role: 'TECHNICAL', email: 'bea@example.net', phone: '555 0100' });
    const removed = await mutateOk(token, 'removeContact', { contactId: primary.contact.id }, 'removedContactId subscriber { contacts { name } }');
    expect(removed.removedContactId).toBe(primary.contact.id);
    expect(removed.subscriber.contacts).toEqual([{ name: 'Bea Biller' }]);
  });

  it('allows at most one primary contact, by add or by update', async () => {
    const { id } = await newSubscriber(token);
    await mutateOk(token, 'addContact', { subscriberId: id, name: 'First', role: 'PRIMARY', email: 'first@example.net' }, CONTACT);
    const second = await mutate(token, 'addContact', { subscriberId: id, name: 'Second', role: 'PRIMARY', email: 'second@example.net' }, CONTACT);
    expect(second.userErrors).toEqual([{ code: 'CONFLICT', field: ['role'], message: expect.stringContaining('primary contact') }]);
    const other = await mutateOk(token, 'addContact', { subscriberId: id, name: 'Other', role: 'OTHER', email: 'other@example.net' }, CONTACT);
    const promoted = await mutate(token, 'updateContact', { contactId: other.contact.id, role: 'PRIMARY' }, CONTACT);
    expect(promoted.userErrors[0]).toMatchObject({ code: 'CONFLICT', field: ['role'] });
    const contacts = (await detailsOf(token, id)).contacts;
    expect(contacts.map((contact: any) => [contact.name, contact.role])).toEqual([['First', 'PRIMARY'], ['Other', 'OTHER']]);
  });

  it('refuses contacts without a way to reach them, bad emails and bad phones', async () => {
    const { id } = await newSubscriber(token);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: 'Nobody', role: 'OTHER' }, 'email'],
      [{ name: 'Bad', role: 'OTHER', email: 'not-an-email' }, 'email'],
      [{ name: 'Bad', role: 'OTHER', phone: '12' }, 'phone'],
      [{ name: 'Bad', role: 'OTHER', phone: 'call me maybe' }, 'phone'],
      [{ name: '   ', role: 'OTHER', email: 'x@example.net' }, 'name'],
    ];
    for (const [input, field] of cases) {
      const refused = await mutate(token, 'addContact', { subscriberId: id, ...input }, CONTACT);
      expect(refused.userErrors, JSON.stringify(input)).toEqual([{ code: 'BAD_USER_INPUT', field: [field], message: expect.any(String) }]);
    }
    const kept = await mutateOk(token, 'addContact', { subscriberId: id, name: 'Kept', role: 'OTHER', email: 'kept@example.net' }, CONTACT);
    const cleared = await mutate(token, 'updateContact', { contactId: kept.contact.id, email: null }, CONTACT);
    expect(cleared.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['email'] });
    expect((await detailsOf(token, id)).contacts).toEqual([expect.objectContaining({ name: 'Kept', email: 'kept@example.net' })]);
  });

  it('answers NOT_FOUND for an unknown contact or subscriber, and BAD_USER_INPUT for a wrong kind of id', async () => {
    const { id } = await newSubscriber(token);
    const unknown = await mutate(token, 'updateContact', { contactId: Buffer.from('SubscriberContact:00000000-0000-4000-8000-000000000000').toString('base64url'), name: 'X' }, CONTACT);
    expect(unknown.userErrors[0]).toMatchObject({ code: 'NOT_FOUND' });
    const wrongKind = await mutate(token, 'removeContact', { contactId: id }, 'removedContactId');
    expect(wrongKind.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['contactId'] });
  });
});

describe('service addresses', () => {
  let isp: Isp;
  let token: string;
  beforeAll(async () => {
    isp = await createIsp('addresses');
    token = isp.admin.accessToken;
  });

  const home = { line1: '1 Fiber Way', line2: 'Unit 4', city: 'Springfield', region: 'IL', postalCode: '62701', country: 'us', latitude: 39.7817, longitude: -89.6501 };

  it('adds, updates and removes addresses; the country is upper-cased; the primary comes first', async () => {
    const { id } = await newSubscriber(token);
    const second = await mutateOk(token, 'addServiceAddress', { subscriberId: id, ...home, line1: '2 Copper Rd', isPrimary: false }, ADDRESS);
    const first = await mutateOk(token, 'addServiceAddress', { subscriberId: id, ...home, isPrimary: true }, ADDRESS);
    expect(first.serviceAddress).toMatchObject({ line1: '1 Fiber Way', country: 'US', latitude: 39.7817, longitude: -89.6501, isPrimary: true });
    expect((await detailsOf(token, id)).serviceAddresses.map((address: any) => address.line1)).toEqual(['1 Fiber Way', '2 Copper Rd']);
    const moved = await mutateOk(token, 'updateServiceAddress', { addressId: second.serviceAddress.id, city: 'Shelbyville', latitude: null, longitude: null }, ADDRESS);
    expect(moved.serviceAddress).toMatchObject({ line1: '2 Copper Rd', city: 'Shelbyville', latitude: null, longitude: null, line2: 'Unit 4' });
    const removed = await mutateOk(token, 'removeServiceAddress', { addressId: first.serviceAddress.id }, 'removedAddressId subscriber { serviceAddresses { line1 } }');
    expect(removed.subscriber.serviceAddresses).toEqual([{ line1: '2 Copper Rd' }]);
  });

  it('refuses latitude and longitude out of range, or only one of them', async () => {
    const { id } = await newSubscriber(token);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ latitude: 90.0001, longitude: 0 }, 'latitude'],
      [{ latitude: -91, longitude: 0 }, 'latitude'],
      [{ latitude: 0, longitude: 180.5 }, 'longitude'],
      [{ latitude: 0, longitude: -181 }, 'longitude'],
      [{ latitude: 10, longitude: null }, 'longitude'],
      [{ latitude: null, longitude: 10 }, 'latitude'],
    ];
    for (const [coordinates, field] of cases) {
      const refused = await mutate(token, 'addServiceAddress', { subscriberId: id, ...home, ...coordinates }, ADDRESS);
      expect(refused.userErrors, JSON.stringify(coordinates)).toEqual([{ code: 'BAD_USER_INPUT', field: [field], message: expect.any(String) }]);
    }
    const edge = await mutateOk(token, 'addServiceAddress', { subscriberId: id, ...home, latitude: -90, longitude: 180 }, ADDRESS);
    expect(edge.serviceAddress).toMatchObject({ latitude: -90, longitude: 180 });
    const bad = await mutate(token, 'updateServiceAddress', { addressId: edge.serviceAddress.id, latitude: 123 }, ADDRESS);
    expect(bad.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['latitude'] });
    expect((await detailsOf(token, id)).serviceAddresses).toEqual([expect.objectContaining({ latitude: -90, longitude: 180 })]);
  });

  it('refuses unknown countries and missing required parts', async () => {
    const { id } = await newSubscriber(token);
    for (const [change, field] of [[{ country: 'XX' }, 'country'], [{ country: 'USA' }, 'country'], [{ line1: ' ' }, 'line1'], [{ city: '' }, 'city'], [{ postalCode: 'x'.repeat(21) }, 'postalCode']] as const) {
      const refused = await mutate(token, 'addServiceAddress', { subscriberId: id, ...home, ...change }, ADDRESS);
      expect(refused.userErrors, JSON.stringify(change)).toEqual([{ code: 'BAD_USER_INPUT', field: [field], message: expect.any(String) }]);
    }
    expect((await detailsOf(token, id)).serviceAddresses).toEqual([]);
  });

  it('allows at most one primary service address', async () => {
    const { id } = await newSubscriber(token);
    await mutateOk(token, 'addServiceAddress', { subscriberId: id, ...home, isPrimary: true }, ADDRESS);
    const second = await mutate(token, 'addServiceAddress', { subscriberId: id, ...home, line1: '9 Other St', isPrimary: true }, ADDRESS);
    expect(second.userErrors).toEqual([{ code: 'CONFLICT', field: ['isPrimary'], message: expect.any(String) }]);
    const plain = await mutateOk(token, 'addServiceAddress', { subscriberId: id, ...home, line1: '9 Other St' }, ADDRESS);
    const promoted = await mutate(token, 'updateServiceAddress', { addressId: plain.serviceAddress.id, isPrimary: true }, ADDRESS);
    expect(promoted.userErrors[0]).toMatchObject({ code: 'CONFLICT', field: ['isPrimary'] });
    expect((await detailsOf(token, id)).serviceAddresses.filter((address: any) => address.isPrimary)).toHaveLength(1);
  });

  it('logs address changes field by field', async () => {
    const { id } = await newSubscriber(token);
    const added = await mutateOk(token, 'addServiceAddress', { subscriberId: id, ...home }, ADDRESS);
    await mutateOk(token, 'updateServiceAddress', { addressId: added.serviceAddress.id, city: 'Capital City' }, ADDRESS);
    const [updated, addedEntry] = await changeLogOf(token, id);
    expect(updated).toMatchObject({ action: 'ADDRESS_UPDATED', subjectId: added.serviceAddress.id, changes: [{ field: 'address.city', oldValue: 'Springfield', newValue: 'Capital City' }] });
    expect(addedEntry.action).toBe('ADDRESS_ADDED');
    expect(addedEntry.changes).toContainEqual({ field: 'address.country', oldValue: null, newValue: 'US' });
    expect(addedEntry.changes).toContainEqual({ field: 'address.latitude', oldValue: null, newValue: '39.7817' });
  });
});
