import { randomUUID } from 'node:crypto';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { INTERNAL_CONTEXT_HEADER, signInternalContext } from '@dotmac/kernel';
import { GraphQLError } from 'graphql';
import { SYSTEM_VIEWER, type GatewayContext } from '../auth/gateway-context.js';
import { REQUEST_ID_HEADER } from '../http/request-id.middleware.js';
import { dedupeRepresentations, expandEntitiesResponse } from './entity-dedup.js';
import { keepAliveFetcher } from './keep-alive-fetcher.js';

type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];
type SubgraphResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

export interface SubgraphDataSourceOptions {
  name: string;
  url: string;
  /** Signs the internal context header; without it (DOTMAC_AUTH=false) calls carry none. */
  signingKey: string | undefined;
  timeoutMs: number;
  /** Open connections to this subgraph at most. */
  maxSockets: number;
}


/**
 * Calls one subgraph for the gateway. Every fetch carries the viewer and request id in the signed
 * internal context header; client headers (Authorization included) are never forwarded.
 *
 * Transport failures (timeout, refused connection, non-2xx answers) become plain errors that the
 * error formatter masks as INTERNAL and logs (except a 400 for a variable that fails a subgraph's
 * scalar, which is the client's BAD_USER_INPUT): an HTTP 401 from a subgraph means the signing keys
 * disagree, which is the platform's fault, not the client's token. GraphQL errors inside a 2xx
 * answer are left to @apollo/gateway, which keeps their `extensions.code`.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly subgraphName: string;
  private readonly signingKey: string | undefined;

  constructor(options: SubgraphDataSourceOptions) {
    super({ url: options.url, fetcher: keepAliveFetcher({ timeoutMs: options.timeoutMs, maxSockets: options.maxSockets }) as unknown as Fetcher });
    this.subgraphName = options.name;
    this.signingKey = options.signingKey;
  }

  /**
   * Entity fetches send each distinct representation once: the gateway asks for the same key from
   * every place it occurs (hundreds of times for one author of many reviews), the answer is mapped
   * back to every place exactly as if all had been sent.
   */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<SubgraphResponse> {
    const representations = options.request.variables?.representations;
    if (!Array.isArray(representations) || representations.length < 2) return super.process(options);
    const { distinct, positionOf } = dedupeRepresentations(representations);
    if (distinct.length === representations.length) return super.process(options);
    const request = { ...options.request, variables: { ...options.request.variables, representations: distinct } };
    return expandEntitiesResponse(await super.process({ ...options, request }), positionOf);
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const { viewer, requestId } =
      'incomingRequestContext' in options ? options.context : { viewer: SYSTEM_VIEWER, requestId: randomUUID() };
    const headers = options.request.http?.headers;
    if (this.signingKey) headers?.set(INTERNAL_CONTEXT_HEADER, signInternalContext({ viewer, requestId }, this.signingKey));
    headers?.set(REQUEST_ID_HEADER, requestId);
  }

  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const body = await response.text().catch(() => '');
    const inputError = response.status === 400 ? badUserInputOf(body) : undefined;
    if (inputError) return inputError;
    const detail = `Subgraph "${this.subgraphName}" answered HTTP ${response.status}: ${body.slice(0, 500)}`;
    return new GraphQLError(`Subgraph "${this.subgraphName}" is unavailable`, { originalError: new Error(detail) });
  }

  override didEncounterError(error: Error): void {
    if (error instanceof GraphQLError) throw error;
    throw new GraphQLError(`Subgraph "${this.subgraphName}" is unavailable`, {
      originalError: new Error(`Request to subgraph "${this.subgraphName}" failed: ${error.message}`, { cause: error }),
    });
  }
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
