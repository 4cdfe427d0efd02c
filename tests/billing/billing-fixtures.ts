import { randomBytes } from 'node:crypto';
import { addDays, addMonths, todayUtc, type LocalDate } from '@dotmac/kernel';
import { dataOf, gql } from '../support/client.js';
import { createUser, login, PASSWORD, type Session } from '../support/fixtures.js';

export const MONEY = `{ amount currency decimal }`;
export const PLAN_FIELDS = `id code name description kind interval currency price ${MONEY} setupFee ${MONEY} downloadKbps uploadKbps minContractMonths status
  usagePricing { metric aggregation unit tiers { upTo unitPrice } }`;
export const SUBSCRIPTION_FIELDS = `id subscriber { id } plan { id code } status quantity priceOverride ${MONEY} unitPrice ${MONEY}
  startDate endDate billingDayMode billingDay anchorDate nextBillDate contractEndDate cancelledAt currentPeriod { start end days }`;
export const ERRORS = `userErrors { code field message }`;

export const CREATE_PLAN = `mutation($input: CreateServicePlanInput!) { createServicePlan(input: $input) { plan { ${PLAN_FIELDS} } ${ERRORS} } }`;
export const UPDATE_PLAN = `mutation($input: UpdateServicePlanInput!) { updateServicePlan(input: $input) { plan { ${PLAN_FIELDS} } ${ERRORS} } }`;
export const CREATE_SUBSCRIPTION = `mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { subscription { ${SUBSCRIPTION_FIELDS} } ${ERRORS} } }`;
export const CANCEL_SUBSCRIPTION = `mutation($input: CancelSubscriptionInput!) { cancelSubscription(input: $input) { subscription { ${SUBSCRIPTION_FIELDS} } ${ERRORS} } }`;

export const today = (): LocalDate => todayUtc();
export { addDays, addMonths };

export const uniqueCode = (base: string): string => `${base}-${randomBytes(3).toString('hex')}`;

/** A monthly internet plan at 79.99 unless told otherwise; returns the plan. */
export async function createPlan(token: string, input: Record<string, unknown> = {}): Promise<any> {
  const result = dataOf(
    await gql(CREATE_PLAN, { input: { code: uniqueCode('plan'), name: 'Fiber 100', kind: 'RECURRING', interval: 'MONTHLY', price: 7999, ...input } }, { token }),
  ).createServicePlan;
  if (result.userErrors.length) throw new Error(JSON.stringify(result.userErrors));
  return result.plan;
}

/** Subscribes and fails loudly on userErrors; returns the subscription. */
export async function subscribe(token: string, input: Record<string, unknown>): Promise<any> {
  const result = dataOf(await gql(CREATE_SUBSCRIPTION, { input }, { token })).createSubscription;
  if (result.userErrors.length) throw new Error(JSON.stringify(result.userErrors));
  return result.subscription;
}

/** A subscriber-portal login for one subscriber of the ISP. */
export async function portalLogin(tenantId: string, slug: string, subscriberId: string): Promise<Session> {
  const email = `portal-${randomBytes(3).toString('hex')}@${slug}.example`;
  await createUser(tenantId, email, ['SUBSCRIBER'], undefined, subscriberId);
  return login(email, PASSWORD);
}

/** A staff login with the given roles. */
export async function staffLogin(tenantId: string, slug: string, roles: string[]): Promise<Session> {
  const email = `${roles[0]!.toLowerCase().replace(/_/g, '-')}-${randomBytes(3).toString('hex')}@${slug}.example`;
  await createUser(tenantId, email, roles);
  return login(email, PASSWORD);
}
