import { randomUUID } from 'node:crypto';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { INTERNAL_CONTEXT_HEADER, signInternalContext } from '@dotmac/kernel/edge';
import { GraphQLError, type DocumentNode } from 'graphql';
import { SYSTEM_VIEWER, type GatewayContext } from '../auth/gateway-context.js';
import { REQUEST_ID_HEADER } from '../http/request-id.middleware.js';
import { dedupeRepresentations, expandEntitiesResponse } from './entity-dedup.js';
import type { SubgraphAnswer, SubgraphTransport } from './subgraph-transport.js';

type SubgraphResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

export interface SubgraphDataSourceOptions {
  name: string;
  url: string;
  /** Signs the internal context header; without it (DOTMAC_AUTH=false) calls carry none. */
  signingKey: string | undefined;
  transport: SubgraphTransport;
  /** Identical queries for the same viewer share one subgraph call while it is in flight. */
  shareInFlight: boolean;
}

/**
 * Calls one subgraph for the gateway. Every fetch carries the viewer and request id in the signed
 * internal context header; client headers (Authorization included) are never forwarded.
 *
 * - Entity fetches send each distinct representation once and map the answer back to every
 *   position that asked (see entity-dedup.ts).
 * - A query identical to one in flight for the same viewer (same text, variables and signed
 *   viewer; the request id aside) waits for that call's answer instead of sending its own.
 *   Mutations are always sent.
 * - Transport failures (timeout, refused connection, non-2xx answers, a body that is not a JSON
 *   object) become plain errors that the error formatter masks as INTERNAL and logs, except a 400
 *   for a variable that fails a subgraph's scalar, which is the client's BAD_USER_INPUT. An HTTP
 *   401 from a subgraph means the signing keys disagree: the platform's fault, not the client's.
 *   GraphQL errors inside a 2xx answer are left to @apollo/gateway, which keeps their code.
 */
export class SubgraphDataSource implements GraphQLDataSource<GatewayContext> {
  private readonly url: URL;

  constructor(private readonly options: SubgraphDataSourceOptions) {
    this.url = new URL(options.url);
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<SubgraphResponse> {
    const { request } = options;
    const representations = request.variables?.representations;
    if (Array.isArray(representations) && representations.length > 1) {
      const { distinct, positionOf } = dedupeRepresentations(representations);
      if (distinct.length < representations.length) {
        const response = await this.send(options, { ...request.variables, representations: distinct });
        return expandEntitiesResponse(response, positionOf);
      }
    }
    return this.send(options, request.variables);
  }

  private async send(options: GraphQLDataSourceProcessOptions<GatewayContext>, variables: Record<string, unknown> | undefined): Promise<SubgraphResponse> {
    const { query, operationName, extensions } = options.request;
    if (!query) throw new Error('Missing query');
    const { viewer, requestId } = 'incomingRequestContext' in options ? options.context : { viewer: SYSTEM_VIEWER, requestId: randomUUID() };
    const headers: Record<string, string> = { 'content-type': 'application/json', [REQUEST_ID_HEADER]: requestId };
    if (this.options.signingKey) headers[INTERNAL_CONTEXT_HEADER] = signInternalContext({ viewer, requestId }, this.options.signingKey);
    const body = requestBody(query, variables, operationName, extensions);
    const shareKey = this.options.shareInFlight && isQuery('document' in options ? options.document : undefined, query) ? JSON.stringify(viewer) : undefined;
    let answer: SubgraphAnswer;
    try {
      answer = await this.options.transport.post(this.url, headers, body, shareKey);
    } catch (error) {
      throw this.unavailable(`Request to subgraph "${this.options.name}" failed: ${(error as Error).message}`, error);
    }
    const text = answer.body.toString('utf8');
    if (answer.status < 200 || answer.status > 299) {
      throw (answer.status === 400 ? badUserInputOf(text) : undefined) ?? this.unavailable(`Subgraph "${this.options.name}" answered HTTP ${answer.status}: ${text.slice(0, 500)}`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw this.unavailable(`Subgraph "${this.options.name}" answered something that is not JSON: ${text.slice(0, 500)}`, error);
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw this.unavailable(`Subgraph "${this.options.name}" answered JSON that is not an object: ${text.slice(0, 500)}`);
    }
    return parsed as SubgraphResponse;
  }

  private unavailable(detail: string, cause?: unknown): GraphQLError {
    return new GraphQLError(`Subgraph "${this.options.name}" is unavailable`, { originalError: new Error(detail, { cause }) });
  }
}

/** JSON texts of operation texts: a plan's fetches send the same few operations again and again. */
const queryJsonCache = new Map<string, string>();
const QUERY_JSON_CACHE_ENTRIES = 5000;

function queryJson(query: string): string {
  let json = queryJsonCache.get(query);
  if (json === undefined) {
    if (queryJsonCache.size >= QUERY_JSON_CACHE_ENTRIES) queryJsonCache.clear();
    json = JSON.stringify(query);
    queryJsonCache.set(query, json);
  }
  return json;
}

/** The same text as `JSON.stringify({ query, variables, operationName, extensions })`, with the query's JSON reused. */
function requestBody(query: string, variables: unknown, operationName: string | undefined, extensions: unknown): string {
  let body = `{"query":${queryJson(query)}`;
  if (variables !== undefined) body += `,"variables":${JSON.stringify(variables)}`;
  if (operationName !== undefined) body += `,"operationName":${JSON.stringify(operationName)}`;
  if (extensions !== undefined) body += `,"extensions":${JSON.stringify(extensions)}`;
  return `${body}}`;
}

function isQuery(document: DocumentNode | undefined, query: string): boolean {
  const definition = document?.definitions.find((candidate) => candidate.kind === 'OperationDefinition');
  if (definition && 'operation' in definition) return definition.operation === 'query';
  return !/^\s*(mutation|subscription)\b/.test(query);
}

/**
 * A subgraph answers HTTP 400 when a variable fails its scalar (a `Date` of 2026-02-30): the gateway
 * passes custom scalars through unchecked, so that is the client's mistake, relayed as BAD_USER_INPUT.
 */
function badUserInputOf(body: string): GraphQLError | undefined {
  try {
    const first = (JSON.parse(body) as { errors?: Array<{ message?: unknown; extensions?: { code?: unknown } }> }).errors?.[0];
    if (first?.extensions?.code === 'BAD_USER_INPUT' && typeof first.message === 'string') {
      return new GraphQLError(first.message, { extensions: { code: 'BAD_USER_INPUT' } });
    }
  } catch {
    // not a GraphQL answer: a transport failure
  }
  return undefined;
}
