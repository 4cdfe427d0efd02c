import { beforeAll, describe, expect, it } from 'vitest';
import { codeOf, dataOf, gql } from '../support/client.js';
import { createIsp, createSubscribers, type Isp } from '../support/fixtures.js';
import { ERRORS, portalLogin, staffLogin } from './billing-fixtures.js';

const ACCOUNT = `subscriber { id } currency taxJurisdictions taxExemptJurisdictions taxExemptionReference delinquent delinquentSince`;
const READ = `query($id: ID!) { billingAccount(subscriberId: $id) { ${ACCOUNT} } }`;
const UPDATE = `mutation($input: UpdateBillingAccountInput!) { updateBillingAccount(input: $input) { billingAccount { ${ACCOUNT} } ${ERRORS} } }`;
const SETTINGS = `mutation($input: UpdateBillingSettingsInput!) { updateBillingSettings(input: $input) { ${ERRORS} } }`;

describe('billing accounts and tax exemptions per subscriber', () => {
  let isp: Isp;
  let token: string;
  let subscribers: string[];

  beforeAll(async () => {
    isp = await createIsp('accounts');
    token = isp.admin.accessToken;
    dataOf(await gql(SETTINGS, { input: { defaultTaxJurisdictions: ['US-CA', 'US-CA-LA'] } }, { token }));
    subscribers = await createSubscribers(token, 3, 'Account');
  });

  it("reads an unused account as the ISP's defaults, without opening it", async () => {
    const account = dataOf(await gql(READ, { id: subscribers[0] }, { token })).billingAccount;
    expect(account).toEqual({
      subscriber: { id: subscribers[0] },
      currency: 'USD',
      taxJurisdictions: ['US-CA', 'US-CA-LA'],
      taxExemptJurisdictions: [],
      taxExemptionReference: null,
      delinquent: false,
      delinquentSince: null,
    });
  });

  it('sets jurisdictions and exemptions (one jurisdiction, or "*" for all) with their reference', async () => {
    const partial = dataOf(
      await gql(UPDATE, { input: { subscriberId: subscribers[0], taxJurisdictions: ['us-ca', 'US-CA-LA', 'us-ca'], taxExemptJurisdictions: ['us-ca-la'], taxExemptionReference: ' CERT-123 ' } }, { token }),
    ).updateBillingAccount;
    expect(partial.userErrors).toEqual([]);
    expect(partial.billingAccount).toMatchObject({ taxJurisdictions: ['US-CA', 'US-CA-LA'], taxExemptJurisdictions: ['US-CA-LA'], taxExemptionReference: 'CERT-123' });
    const all = dataOf(await gql(UPDATE, { input: { subscriberId: subscribers[1], taxExemptJurisdictions: ['US-CA', '*'], taxExemptionReference: 'NONPROFIT-9' } }, { token })).updateBillingAccount;
    expect(all.billingAccount).toMatchObject({ taxJurisdictions: ['US-CA', 'US-CA-LA'], taxExemptJurisdictions: ['*'], taxExemptionReference: 'NONPROFIT-9' });
    expect(dataOf(await gql(READ, { id: subscribers[1] }, { token })).billingAccount.taxExemptJurisdictions).toEqual(['*']);
    const cleared = dataOf(await gql(UPDATE, { input: { subscriberId: subscribers[1], taxExemptJurisdictions: [], taxExemptionReference: '' } }, { token })).updateBillingAccount;
    expect(cleared.billingAccount).toMatchObject({ taxExemptJurisdictions: [], taxExemptionReference: null });
  });

  it('refuses bad jurisdictions and ids with coded userErrors', async () => {
    const bad = dataOf(await gql(UPDATE, { input: { subscriberId: subscribers[2], taxJurisdictions: ['US CA'] } }, { token })).updateBillingAccount;
    expect(bad.userErrors).toEqual([{ code: 'BAD_USER_INPUT', field: ['taxJurisdictions'], message: expect.any(String) }]);
    const badExempt = dataOf(await gql(UPDATE, { input: { subscriberId: subscribers[2], taxExemptJurisdictions: ['**'] } }, { token })).updateBillingAccount;
    expect(badExempt.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['taxExemptJurisdictions'] });
    const notSubscriber = dataOf(await gql(UPDATE, { input: { subscriberId: isp.tenantId, taxJurisdictions: [] } }, { token })).updateBillingAccount;
    expect(notSubscriber.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['subscriberId'] });
    expect(dataOf(await gql(READ, { id: subscribers[2] }, { token })).billingAccount.taxJurisdictions).toEqual(['US-CA', 'US-CA-LA']);
  });

  it('lets a portal login read its own account only, and no one else change it', async () => {
    const portal = await portalLogin(isp.tenantId, isp.slug, subscribers[0]!);
    expect(dataOf(await gql(READ, { id: subscribers[0] }, { token: portal.accessToken })).billingAccount.taxExemptionReference).toBe('CERT-123');
    expect(codeOf(await gql(READ, { id: subscribers[1] }, { token: portal.accessToken }))).toBe('NOT_FOUND');
    expect(codeOf(await gql(UPDATE, { input: { subscriberId: subscribers[0], taxExemptJurisdictions: ['*'] } }, { token: portal.accessToken }))).toBe('FORBIDDEN');
    const agent = await staffLogin(isp.tenantId, isp.slug, ['SUPPORT_AGENT']);
    expect(codeOf(await gql(UPDATE, { input: { subscriberId: subscribers[0], taxExemptJurisdictions: ['*'] } }, { token: agent.accessToken }))).toBe('FORBIDDEN');
  });

  it("keeps accounts to their ISP: another ISP neither reads nor changes them", async () => {
    const other = await createIsp('accounts-other');
    const seen = dataOf(await gql(READ, { id: subscribers[0] }, { token: other.admin.accessToken })).billingAccount;
    expect(seen).toMatchObject({ taxJurisdictions: [], taxExemptJurisdictions: [], taxExemptionReference: null });
    const hijack = dataOf(await gql(UPDATE, { input: { subscriberId: subscribers[0], taxExemptJurisdictions: ['*'] } }, { token: other.admin.accessToken })).updateBillingAccount;
    expect(hijack.userErrors[0].code).toBe('NOT_FOUND');
    expect(dataOf(await gql(READ, { id: subscribers[0] }, { token })).billingAccount.taxExemptJurisdictions).toEqual(['US-CA-LA']);
  });
});
