import { platform } from './platform-context.js';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; path?: string[]; extensions?: { code?: string; [key: string]: unknown } }>;
}

export interface RequestOptions {
  token?: string;
  apiKey?: string;
  /** Client address presented through X-Forwarded-For (the test gateway trusts it). */
  ip?: string;
  url?: string;
  headers?: Record<string, string>;
}

let addressCounter = 0;
/** A fresh client address, so rate limits of one test never touch another. */
export function freshIp(): string {
  addressCounter += 1;
  return `10.${(process.pid >> 8) & 255}.${Math.floor(addressCounter / 250) % 250}.${(addressCounter % 250) + 1}`;
}

const defaultIp = freshIp();

/** Sends one GraphQL operation to the gateway, as a client would. */
export async function gql<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, options: RequestOptions = {}): Promise<GraphQLResponse<T>> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-forwarded-for': options.ip ?? defaultIp,
    ...options.headers,
  };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.apiKey) headers['x-api-key'] = options.apiKey;
  const response = await fetch(options.url ?? platform().gatewayUrl, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as GraphQLResponse<T>;
  return { ...body, status: response.status };
}

/** The `extensions.code` of the first error, or undefined. */
export const codeOf = (response: GraphQLResponse): string | undefined => response.errors?.[0]?.extensions?.code;

/** Fails loudly when a response has errors; returns its data. */
export function dataOf<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length || !response.data) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
  return response.data;
}
