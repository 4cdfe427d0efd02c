/**
 * Every GraphQL operation the seed sends, in one place, so a schema rename is a one-file change.
 * Mutations are built as aliased fields so many of them travel in one request.
 */
import { graphqlLiteral } from './graphql-client.js';

export interface UserError {
  code: string;
  message: string;
  field?: string[] | string | null;
}

export interface Payload {
  userErrors: UserError[];
}

export const LOGIN = /* GraphQL */ `
  mutation SeedLogin($email: String!, $password: String!) {
    login(input: { email: $email, password: $password }) {
      accessToken
      refreshToken
      userErrors { code message }
    }
  }
`;

export interface LoginData {
  login: Payload & { accessToken: string | null };
}

export const TENANT_COUNT = /* GraphQL */ `
  query SeedTenantCount {
    tenants(first: 1) { totalCount }
  }
`;

export interface TenantCountData {
  tenants: { totalCount: number };
}

const USER_ERRORS = 'userErrors { code message field }';

/** `alias: mutationName(input: {...}) { selection userErrors }` */
export function mutationField(alias: string, mutation: string, input: Record<string, unknown>, selection: string): string {
  return `${alias}: ${mutation}(input: ${graphqlLiteral(input)}) { ${selection} ${USER_ERRORS} }`;
}

export const createTenantField = (alias: string, input: Record<string, unknown>): string =>
  mutationField(alias, 'createTenant', input, 'tenant { id }');

export const transitionTenantField = (alias: string, input: Record<string, unknown>): string =>
  mutationField(alias, 'transitionTenant', input, 'tenant { id status }');

export const createUserField = (alias: string, input: Record<string, unknown>): string =>
  mutationField(alias, 'createUser', input, 'user { id }');

export const createSubscriberField = (alias: string, input: Record<string, unknown>): string =>
  mutationField(alias, 'createSubscriber', input, 'subscriber { id }');

export const createServicePlanField = (alias: string, input: Record<string, unknown>): string =>
  mutationField(alias, 'createServicePlan', input, 'plan { id }');

export const createSubscriptionField = (alias: string, input: Record<string, unknown>): string =>
  mutationField(alias, 'createSubscription', input, 'subscription { id }');

export const createTaxRateField = (alias: string, input: Record<string, unknown>): string =>
  mutationField(alias, 'createTaxRate', input, 'taxRate { id }');

export const updateBillingSettingsField = (alias: string, input: Record<string, unknown>): string =>
  mutationField(alias, 'updateBillingSettings', input, 'settings { currency }');

export const runBillingField = (alias: string, input: Record<string, unknown>): string =>
  mutationField(alias, 'runBilling', input, 'run { invoicesIssued }');

export const recordPaymentField = (alias: string, input: Record<string, unknown>): string =>
  mutationField(alias, 'recordPayment', input, 'payment { id }');

/** `alias: subscriber(id: "…") { balance { amount currency } }` */
export const subscriberBalanceField = (alias: string, subscriberId: string): string =>
  `${alias}: subscriber(id: ${JSON.stringify(subscriberId)}) { balance { amount currency } }`;

export function mutationDocument(name: string, fields: string[]): string {
  return `mutation ${name} {\n  ${fields.join('\n  ')}\n}`;
}
