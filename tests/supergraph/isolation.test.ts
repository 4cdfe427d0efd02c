import pg from 'pg';
import { fromGlobalId } from '@dotmac/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, dataOf, gql } from '../support/client.js';
import { createIsp, createSubscribers, platformAdmin, type Isp } from '../support/fixtures.js';
import { platform } from '../support/platform-context.js';

describe('tenant isolation, through the gateway and in the database', () => {
  let ispA: Isp;
  let ispB: Isp;
  let subscribersOfB: string[];

  beforeAll(async () => {
    ispA = await createIsp('iso-a');
    ispB = await createIsp('iso-b');
    await createSubscribers(ispA.admin.accessToken, 3, 'A person');
    subscribersOfB = await createSubscribers(ispB.admin.accessToken, 4, 'B person');
  });

  it("ISP A's admin cannot read ISP B's subscriber by id or node(id)", async () => {
    const byId = await gql(`query($id: ID!) { subscriber(id: $id) { name } }`, { id: subscribersOfB[0] }, { token: ispA.admin.accessToken });
    expect(codeOf(byId)).toBe('NOT_FOUND');
    expect(byId.data?.subscriber ?? null).toBeNull();
    const byNode = await gql(`query($id: ID!) { node(id: $id) { id ... on Subscriber { name } } }`, { id: subscribersOfB[0] }, { token: ispA.admin.accessToken });
    expect(byNode.data?.node ?? null).toBeNull();
    expect(byNode.errors?.map((error) => error.extensions?.code)).toContain('NOT_FOUND');
    expect(JSON.stringify(byNode)).not.toContain('B person');
  });

  it("ISP A's admin cannot read ISP B's users by node(id) or in the user list", async () => {
    const byNode = await gql(`query($id: ID!) { node(id: $id) { id ... on User { email } } }`, { id: ispB.admin.userId }, { token: ispA.admin.accessToken });
    expect(codeOf(byNode)).toBe('NOT_FOUND');
    const users = dataOf(await gql(`{ users(first: 100) { totalCount edges { node { email } } } }`, {}, { token: ispA.admin.accessToken }));
    expect(users.users.edges.map((edge: any) => edge.node.email)).toEqual([ispA.adminEmail]);
    const named = await gql(`query($t: ID) { users(filter: { tenantId: $t }) { totalCount } }`, { t: ispB.tenantId }, { token: ispA.admin.accessToken });
    expect(codeOf(named)).toBe('NOT_FOUND');
  });

  it("ISP B's admin reads the same subscriber by node(id)", async () => {
    const byNode = dataOf(await gql(`query($id: ID!) { node(id: $id) { id ... on Subscriber { name } } }`, { id: subscribersOfB[0] }, { token: ispB.admin.accessToken }));
    expect(byNode.node.name).toMatch(/^B person/);
  });

  it("ISP A's admin cannot read ISP B as a tenant, in lists or in counts", async () => {
    expect(codeOf(await gql(`query($id: ID!) { tenant(id: $id) { name } }`, { id: ispB.tenantId }, { token: ispA.admin.accessToken }))).toBe('NOT_FOUND');
    const node = await gql(`query($id: ID!) { node(id: $id) { id } }`, { id: ispB.tenantId }, { token: ispA.admin.accessToken });
    expect(codeOf(node)).toBe('NOT_FOUND');
    const list = dataOf(await gql(`{ tenants(first: 100) { totalCount edges { node { id subscriberCount } } } }`, {}, { token: ispA.admin.accessToken }));
    expect(list.tenants.totalCount).toBe(1);
    expect(list.tenants.edges).toEqual([{ node: { id: ispA.tenantId, subscriberCount: 3 } }]);
    const subs = dataOf(await gql(`{ subscribers(first: 100) { totalCount edges { node { name } } } }`, {}, { token: ispA.admin.accessToken }));
    expect(subs.subscribers.totalCount).toBe(3);
    expect(JSON.stringify(subs)).not.toContain('B person');
    const named = await gql(`query($t: ID) { subscribers(tenantId: $t) { totalCount } }`, { t: ispB.tenantId }, { token: ispA.admin.accessToken });
    expect(codeOf(named)).toBe('NOT_FOUND');
  });

  it("ISP A's admin cannot change ISP B's subscriber", async () => {
    const result = dataOf(
      await gql(
        `mutation($id: ID!) { updateSubscriber(input: { subscriberId: $id, name: "Hijacked" }) { subscriber { id } userErrors { code } } }`,
        { id: subscribersOfB[1] },
        { token: ispA.admin.accessToken },
      ),
    );
    expect(result.updateSubscriber.userErrors[0].code).toBe('NOT_FOUND');
    const still = dataOf(await gql(`query($id: ID!) { subscriber(id: $id) { name } }`, { id: subscribersOfB[1] }, { token: ispB.admin.accessToken }));
    expect(still.subscriber.name).toMatch(/^B person/);
  });

  it('a platform admin sees across tenants only through explicit platform queries', async () => {
    const admin = await platformAdmin();
    const all = dataOf(await gql(`{ tenants(first: 100) { totalCount } }`, {}, { token: admin.accessToken }));
    expect(all.tenants.totalCount).toBeGreaterThanOrEqual(2);
    // Subscribers are per ISP: without naming one, the request is refused.
    expect(codeOf(await gql(`{ subscribers { totalCount } }`, {}, { token: admin.accessToken }))).toBe('BAD_USER_INPUT');
    const named = dataOf(await gql(`query($t: ID) { subscribers(tenantId: $t) { totalCount } }`, { t: ispB.tenantId }, { token: admin.accessToken }));
    expect(named.subscribers.totalCount).toBe(4);
  });

  describe('the database is the wall (application role, ORM filter off)', () => {
    let client: pg.Client;
    let tenantA: string;

    beforeAll(async () => {
      client = new pg.Client({ connectionString: platform().appDatabaseUrls.customers });
      await client.connect();
      tenantA = fromGlobalId(ispA.tenantId).id;
    });
    afterAll(() => client.end());

    it('sees only the tenant of the transaction', async () => {
      await client.query('begin');
      await client.query(`select set_config('app.tenant_id', $1, true)`, [tenantA]);
      const rows = await client.query(`select distinct tenant_id from subscriber`);
      const count = await client.query(`select count(*)::int as n from subscriber`);
      await client.query('rollback');
      expect(rows.rows).toEqual([{ tenant_id: tenantA }]);
      expect(count.rows[0].n).toBe(3);
    });

    it('sees nothing without a tenant, and cannot write into another tenant', async () => {
      const none = await client.query(`select count(*)::int as n from subscriber`);
      expect(none.rows[0].n).toBe(0);
      await client.query('begin');
      await client.query(`select set_config('app.tenant_id', $1, true)`, [tenantA]);
      const tenantB = fromGlobalId(ispB.tenantId).id;
      await expect(
        client.query(
          `insert into subscriber (id, tenant_id, account_number, name, type, status, created_at, updated_at)
           values (gen_random_uuid(), $1, 'X-1', 'Intruder', 'residential', 'lead', now(), now())`,
          [tenantB],
        ),
      ).rejects.toThrow(/row-level security/);
      await client.query('rollback');
    });

    it('the application role neither owns the tables nor bypasses RLS', async () => {
      const role = await client.query(
        `select r.rolbypassrls, r.rolsuper, (select tableowner from pg_tables where tablename = 'subscriber') as owner, current_user as me from pg_roles r where r.rolname = current_user`,
      );
      expect(role.rows[0]).toMatchObject({ rolbypassrls: false, rolsuper: false });
      expect(role.rows[0].owner).not.toBe(role.rows[0].me);
    });
  });
});
