import { describe, expect, it } from 'vitest';
import { codeOf, dataOf, gql } from '../support/client.js';
import { createIsp, platformAdmin, uniqueSlug } from '../support/fixtures.js';

const CREATE = `mutation($input: CreateTenantInput!) { createTenant(input: $input) { tenant { id slug status planTier } userErrors { code field message } } }`;
const TRANSITION = `mutation($input: TransitionTenantInput!) { transitionTenant(input: $input) { tenant { status allowedTransitions } userErrors { code field message } } }`;

describe('tenants: lifecycle and validation', () => {
  it('creates a pending tenant and refuses a duplicate slug, writing nothing', async () => {
    const { accessToken } = await platformAdmin();
    const slug = uniqueSlug('dup');
    const first = dataOf(await gql(CREATE, { input: { slug, name: 'First', planTier: 'STARTER' } }, { token: accessToken })).createTenant;
    expect(first.tenant).toMatchObject({ slug, status: 'PENDING', planTier: 'STARTER' });
    const again = dataOf(await gql(CREATE, { input: { slug, name: 'Second' } }, { token: accessToken })).createTenant;
    expect(again.tenant).toBeNull();
    expect(again.userErrors).toEqual([{ code: 'CONFLICT', field: ['slug'], message: expect.stringContaining(slug) }]);
    const found = dataOf(await gql(`query($s: String) { tenants(filter: { search: $s }) { totalCount } }`, { s: slug }, { token: accessToken }));
    expect(found.tenants.totalCount).toBe(1);
  });

  it('lets exactly one of ten concurrent creates of one slug win', async () => {
    const { accessToken } = await platformAdmin();
    const slug = uniqueSlug('race');
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => gql(CREATE, { input: { slug, name: `Racer ${i}` } }, { token: accessToken })),
    );
    const payloads = results.map((result) => dataOf(result).createTenant);
    expect(payloads.filter((payload) => payload.tenant).length).toBe(1);
    expect(payloads.filter((payload) => payload.userErrors[0]?.code === 'CONFLICT').length).toBe(9);
    const found = dataOf(await gql(`query($s: String) { tenants(filter: { search: $s }) { totalCount } }`, { s: slug }, { token: accessToken }));
    expect(found.tenants.totalCount).toBe(1);
  });

  it('refuses a malformed slug with BAD_USER_INPUT', async () => {
    const { accessToken } = await platformAdmin();
    const bad = dataOf(await gql(CREATE, { input: { slug: 'Not A Slug!', name: 'X' } }, { token: accessToken })).createTenant;
    expect(bad.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['slug'] });
  });

  it('walks pending → provisioning → active ⇄ suspended → cancelled and refuses illegal steps', async () => {
    const { accessToken } = await platformAdmin();
    const tenantId = dataOf(await gql(CREATE, { input: { slug: uniqueSlug('life'), name: 'Life' } }, { token: accessToken })).createTenant.tenant.id;
    const step = async (to: string) => dataOf(await gql(TRANSITION, { input: { tenantId, to } }, { token: accessToken })).transitionTenant;

    const skip = await step('ACTIVE');
    expect(skip.userErrors[0]).toMatchObject({ code: 'CONFLICT', field: ['to'] });
    expect(skip.tenant).toBeNull();
    expect((await step('PROVISIONING')).tenant.status).toBe('PROVISIONING');
    expect((await step('ACTIVE')).tenant.status).toBe('ACTIVE');
    expect((await step('SUSPENDED')).tenant.allowedTransitions).toEqual(['ACTIVE', 'CANCELLED']);
    expect((await step('ACTIVE')).tenant.status).toBe('ACTIVE');
    expect((await step('CANCELLED')).tenant.allowedTransitions).toEqual([]);
    expect((await step('ACTIVE')).userErrors[0].code).toBe('CONFLICT');
    const now = dataOf(await gql(`query($id: ID!) { tenant(id: $id) { status } }`, { id: tenantId }, { token: accessToken }));
    expect(now.tenant.status).toBe('CANCELLED');
  });

  it('only platform admins create tenants or move them', async () => {
    const isp = await createIsp('perm');
    expect(codeOf(await gql(CREATE, { input: { slug: uniqueSlug('nope'), name: 'Nope' } }, { token: isp.admin.accessToken }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(TRANSITION, { input: { tenantId: isp.tenantId, to: 'SUSPENDED' } }, { token: isp.admin.accessToken }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(CREATE, { input: { slug: uniqueSlug('anon'), name: 'Anon' } }))).toBe('UNAUTHENTICATED');
  });

  it('answers malformed ids and ids of the wrong type with BAD_USER_INPUT', async () => {
    const { accessToken } = await platformAdmin();
    expect(codeOf(await gql(`{ tenant(id: "not-an-id") { id } }`, {}, { token: accessToken }))).toBe('BAD_USER_INPUT');
    const isp = await createIsp('wrongtype');
    const userId = isp.admin.userId;
    const wrong = await gql(`query($id: ID!) { tenant(id: $id) { id } }`, { id: userId }, { token: accessToken });
    expect(codeOf(wrong)).toBe('BAD_USER_INPUT');
    expect(wrong.errors?.[0]?.message).toContain('Expected a Tenant id');
    expect(codeOf(await gql(TRANSITION, { input: { tenantId: userId, to: 'SUSPENDED' } }, { token: accessToken }))).toBe('BAD_USER_INPUT');
  });
});

describe('audit log', () => {
  it('records every mutation with actor, tenant, operation, target and time', async () => {
    const isp = await createIsp('audit');
    const created = dataOf(
      await gql(`mutation { createSubscriber(input: { name: "Audited Person" }) { subscriber { id } userErrors { code } } }`, {}, { token: isp.admin.accessToken }),
    ).createSubscriber.subscriber.id;
    const query = `query($op: String) { auditLog(filter: { operation: $op }, first: 10) { edges { node { service operation actorKind actorId tenantId targetType targetId occurredAt } } } }`;
    let entries: any[] = [];
    for (let attempt = 0; attempt < 50 && entries.length === 0; attempt += 1) {
      entries = dataOf(await gql(query, { op: 'createSubscriber' }, { token: isp.admin.accessToken })).auditLog.edges;
      if (!entries.length) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(entries).toHaveLength(1);
    expect(entries[0].node).toMatchObject({
      service: 'customers',
      operation: 'createSubscriber',
      actorKind: 'user',
      actorId: isp.admin.userId,
      tenantId: isp.tenantId,
      targetType: 'Subscriber',
      targetId: created,
    });
    const other = await createIsp('audit-other');
    const foreign = dataOf(await gql(query, { op: 'createSubscriber' }, { token: other.admin.accessToken })).auditLog.edges;
    expect(foreign).toHaveLength(0);
  });
});
