import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromGlobalId } from '@dotmac/kernel';
import { codeOf, dataOf, gql } from '../support/client.js';
import { createIsp, createUser, login, PASSWORD, type Isp } from '../support/fixtures.js';
import { platform } from '../support/platform-context.js';
import { changeLogOf, mutate, mutateOk, newSubscriber } from './customers-client.js';
import { statementsSoFar } from '../support/sql-statements.js';

const NOTES = `query($id: ID!, $first: Int, $after: String, $order: ChronologicalOrder) {
  subscriber(id: $id) { notes(first: $first, after: $after, orderBy: $order) { totalCount edges { node { body authorKind authorId createdAt } } pageInfo { hasNextPage endCursor } } }
}`;

describe('notes', () => {
  let isp: Isp;
  let token: string;
  beforeAll(async () => {
    isp = await createIsp('notes');
    token = isp.admin.accessToken;
  });

  it('appends notes by the caller and pages through them newest first', async () => {
    const { id } = await newSubscriber(token);
    const started = Date.now();
    for (let n = 1; n <= 5; n += 1) {
      const added = await mutateOk(token, 'addNote', { subscriberId: id, body: `  note ${n}  ` }, 'note { id body authorKind authorId createdAt }');
      expect(added.note).toMatchObject({ body: `note ${n}`, authorKind: 'user', authorId: isp.admin.userId });
    }
    const first = dataOf(await gql(NOTES, { id, first: 3 }, { token })).subscriber.notes;
    expect(first.totalCount).toBe(5);
    expect(first.edges.map((edge: any) => edge.node.body)).toEqual(['note 5', 'note 4', 'note 3']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = dataOf(await gql(NOTES, { id, first: 3, after: first.pageInfo.endCursor }, { token })).subscriber.notes;
    expect(rest.edges.map((edge: any) => edge.node.body)).toEqual(['note 2', 'note 1']);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    const oldest = dataOf(await gql(NOTES, { id, first: 1, order: { direction: 'ASC' } }, { token })).subscriber.notes;
    expect(oldest.edges[0].node.body).toBe('note 1');
    expect(Date.parse(oldest.edges[0].node.createdAt)).toBeGreaterThanOrEqual(started - 1000);
  });

  it('refuses empty and oversized notes', async () => {
    const { id } = await newSubscriber(token);
    for (const body of ['   ', 'x'.repeat(10_001)]) {
      const refused = await mutate(token, 'addNote', { subscriberId: id, body }, 'note { id }');
      expect(refused.userErrors).toEqual([{ code: 'BAD_USER_INPUT', field: ['body'], message: expect.any(String) }]);
    }
    expect(dataOf(await gql(NOTES, { id }, { token })).subscriber.notes.totalCount).toBe(0);
  });

  it('keeps notes append-only in the database itself', async () => {
    const { id } = await newSubscriber(token);
    await mutateOk(token, 'addNote', { subscriberId: id, body: 'immutable' }, 'note { id }');
    const client = new pg.Client({ connectionString: platform().appDatabaseUrls.customers });
    await client.connect();
    try {
      await client.query('begin');
      await client.query(`select set_config('app.tenant_id', $1, true)`, [fromGlobalId(isp.tenantId).id]);
      await expect(client.query(`update subscriber_note set body = 'changed'`)).rejects.toThrow(/append-only/);
      await client.query('rollback');
      await client.query('begin');
      await client.query(`select set_config('app.tenant_id', $1, true)`, [fromGlobalId(isp.tenantId).id]);
      await expect(client.query(`delete from subscriber_change`)).rejects.toThrow(/append-only/);
      await client.query('rollback');
    } finally {
      await client.end();
    }
  });

  it('hides notes and the change log from the subscriber portal', async () => {
    const { id } = await newSubscriber(token, { email: 'portal-owner@example.net' });
    const email = `portal@${isp.slug}.example`;
    const created = await gql(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } userErrors { code message } } }`,
      { input: { tenantId: isp.tenantId, email, password: PASSWORD, displayName: 'Portal', roles: ['SUBSCRIBER'], subscriberId: id } },
      { token },
    );
    expect(dataOf(created).createUser.userErrors).toEqual([]);
    const portal = await login(email, PASSWORD);
    const own = dataOf(await gql(`query($id: ID!) { subscriber(id: $id) { name contacts { name } } }`, { id }, { token: portal.accessToken }));
    expect(own.subscriber.contacts).toEqual([]);
    expect(codeOf(await gql(`query($id: ID!) { subscriber(id: $id) { notes { totalCount } } }`, { id }, { token: portal.accessToken }))).toBe('FORBIDDEN');
    const { id: someoneElse } = await newSubscriber(token);
    expect(codeOf(await gql(`query($id: ID!) { subscriber(id: $id) { name } }`, { id: someoneElse }, { token: portal.accessToken }))).toBe('NOT_FOUND');
  });
});

describe('change log', () => {
  let isp: Isp;
  let token: string;
  beforeAll(async () => {
    isp = await createIsp('changelog');
    token = isp.admin.accessToken;
  });

  it('records who, when and what for every kind of change, newest first', async () => {
    const before = Date.now();
    const { id, accountNumber } = await newSubscriber(token, { name: 'Carol Change', email: 'carol@example.net', type: 'BUSINESS' });
    const email = `support@${isp.slug}.example`;
    await createUser(isp.tenantId, email, ['SUPPORT_AGENT'], token);
    const agent = await login(email, PASSWORD);
    await mutateOk(agent.accessToken, 'updateSubscriber', { subscriberId: id, name: 'Carol Changed', phone: '+44 20 7946 0000' }, 'subscriber { id }');
    await mutateOk(agent.accessToken, 'updateSubscriber', { subscriberId: id, name: 'Carol Changed' }, 'subscriber { id }');
    const contact = await mutateOk(token, 'addContact', { subscriberId: id, name: 'Dan', role: 'TECHNICAL', email: 'dan@example.net' }, 'contact { id }');
    await mutateOk(token, 'updateContact', { contactId: contact.contact.id, email: 'daniel@example.net' }, 'contact { id }');
    await mutateOk(token, 'removeContact', { contactId: contact.contact.id }, 'removedContactId');
    await mutateOk(token, 'transitionSubscriber', { subscriberId: id, to: 'ACTIVE' }, 'subscriber { id }');
    const log = await changeLogOf(token, id);
    expect(log.map((entry) => entry.action)).toEqual(['STATUS_CHANGED', 'CONTACT_REMOVED', 'CONTACT_UPDATED', 'CONTACT_ADDED', 'UPDATED', 'CREATED']);
    const [status, removed, updatedContact, addedContact, updated, created] = log;
    expect(created).toMatchObject({ actorKind: 'user', actorId: isp.admin.userId });
    expect(created.changes).toEqual(
      expect.arrayContaining([
        { field: 'accountNumber', oldValue: null, newValue: accountNumber },
        { field: 'name', oldValue: null, newValue: 'Carol Change' },
        { field: 'type', oldValue: null, newValue: 'business' },
        { field: 'status', oldValue: null, newValue: 'lead' },
      ]),
    );
    expect(updated).toMatchObject({
      actorKind: 'user',
      actorId: agent.userId,
      changes: [
        { field: 'name', oldValue: 'Carol Change', newValue: 'Carol Changed' },
        { field: 'phone', oldValue: null, newValue: '+44 20 7946 0000' },
      ],
    });
    expect(addedContact).toMatchObject({ subjectId: contact.contact.id });
    expect(updatedContact.changes).toEqual([{ field: 'contact.email', oldValue: 'dan@example.net', newValue: 'daniel@example.net' }]);
    expect(removed.changes).toContainEqual({ field: 'contact.name', oldValue: 'Dan', newValue: null });
    expect(status.changes).toEqual([{ field: 'status', oldValue: 'lead', newValue: 'active' }]);
    for (const entry of log) {
      expect(Date.parse(entry.occurredAt)).toBeGreaterThanOrEqual(before - 1000);
      expect(Date.parse(entry.occurredAt)).toBeLessThanOrEqual(Date.now() + 1000);
    }
    const filtered = dataOf(
      await gql(`query($id: ID!) { subscriber(id: $id) { changeLog(filter: { actions: [CONTACT_ADDED, CONTACT_REMOVED] }) { totalCount edges { node { action } } } } }`, { id }, { token }),
    );
    expect(filtered.subscriber.changeLog.totalCount).toBe(2);
  });

  it('writes no entry for an update that changes nothing, nor for a refused one', async () => {
    const { id } = await newSubscriber(token, { name: 'Same' });
    await mutateOk(token, 'updateSubscriber', { subscriberId: id, name: 'Same' }, 'subscriber { id }');
    const refused = await mutate(token, 'updateSubscriber', { subscriberId: id, email: 'broken' }, 'subscriber { id }');
    expect(refused.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['email'] });
    expect((await changeLogOf(token, id)).map((entry) => entry.action)).toEqual(['CREATED']);
  });
});

describe('subscriber details are batched (no N+1)', () => {
  it('costs the same number of SQL statements for 5 subscribers as for 30', async () => {
    const isp = await createIsp('batch');
    const token = isp.admin.accessToken;
    await mutateOk(token, 'defineCustomField', { key: 'plan', label: 'Plan', type: 'TEXT' }, 'definition { id }');
    for (let n = 0; n < 40; n += 1) {
      const { id } = await newSubscriber(token, { name: `Batch ${String(n).padStart(2, '0')}`, customFields: [{ key: 'plan', value: `p${n}` }] });
      if (n % 4 === 0) {
        await mutateOk(token, 'addContact', { subscriberId: id, name: 'C', role: 'PRIMARY', email: 'c@example.net' }, 'contact { id }');
        await mutateOk(token, 'addServiceAddress', { subscriberId: id, line1: 'L', city: 'C', country: 'DE' }, 'serviceAddress { id }');
        await mutateOk(token, 'addNote', { subscriberId: id, body: 'n' }, 'note { id }');
      }
    }
    const query = `query($n: Int) { subscribers(first: $n, orderBy: { field: NAME, direction: ASC }) { edges { node {
      name contacts { name } serviceAddresses { city } customFields { key value definition { label } }
      notes(first: 2) { totalCount edges { node { body } } } changeLog(first: 2) { totalCount edges { node { action } } }
    } } } }`;
    for (let previous = -1, now = await statementsSoFar('customers'); previous !== now; ) {
      previous = now;
      await new Promise((resolve) => setTimeout(resolve, 300));
      now = await statementsSoFar('customers');
    }
    const measure = async (n: number) => {
      const before = await statementsSoFar('customers');
      const data = dataOf(await gql(query, { n }, { token }));
      expect(data.subscribers.edges).toHaveLength(n);
      return (await statementsSoFar('customers')) - before;
    };
    const least = async (n: number) => Math.min(await measure(n), await measure(n), await measure(n));
    const few = await least(5);
    // Both pages hold subscribers with more change log entries than asked for, so both also count them.
    const many = await least(30);
    expect(many).toBe(few);
    const sample = dataOf(await gql(query, { n: 1 }, { token })).subscribers.edges[0].node;
    expect(sample).toMatchObject({ name: 'Batch 00', contacts: [{ name: 'C' }], serviceAddresses: [{ city: 'C' }], customFields: [{ key: 'plan', value: 'p0', definition: { label: 'Plan' } }] });
    expect(sample.notes.totalCount).toBe(1);
    expect(sample.changeLog.totalCount).toBe(3);
    expect(sample.changeLog.edges.map((edge: any) => edge.node.action)).toEqual(['ADDRESS_ADDED', 'CONTACT_ADDED']);
  });
});
