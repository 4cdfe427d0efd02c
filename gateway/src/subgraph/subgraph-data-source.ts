import { randomUUID } from 'node:crypto';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ErrorCode, INTERNAL_CONTEXT_HEADER, signInternalContext } from '@dotmac/kernel';
import { GraphQLError } from 'graphql';
import { SYSTEM_VIEWER, type GatewayContext } from '../auth/gateway-context.js';
import { REQUEST_ID_HEADER } from '../http/request-id.middleware.js';
import { keepAliveFetcher } from './keep-alive-fetcher.js';

type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];

export interface SubgraphDataSourceOptions {
  name: string;
  url: string;
  signingKey: string;
  timeoutMs: number;
  /** Open connections to this subgraph at most. */
  maxSockets: number;
}


/**
 * A subgraph answers HTTP 400 with BAD_USER_INPUT when a value the client sent fails its scalar
 * (e.g. `Date` given 2026-02-30), which the gateway's schema cannot check. That is the client's
 * error: it is relayed as BAD_USER_INPUT. Any other 400 stays a platform fault.
 */
function refusedClientValue(body: string): GraphQLError | undefined {
  try {
    const errors = (JSON.parse(body) as { errors?: { message?: string; extensions?: { code?: string } }[] }).errors;
    if (!errors?.length || !errors.every((error) => error.extensions?.code === ErrorCode.BAD_USER_INPUT)) return undefined;
    return new GraphQLError(String(errors[0]!.message), { extensions: { code: ErrorCode.BAD_USER_INPUT } });
  } catch {
    return undefined;
  }
}

/**
 * Calls one subgraph for the gateway. Every fetch carries the viewer and request id in the signed
 * internal context header; client headers (Authorization included) are never forwarded.
 *
 * Transport failures (timeout, refused connection, non-2xx answers but the one above) become plain errors that the
 * error formatter masks as INTERNAL and logs: an HTTP 401 from a subgraph means the signing keys
 * disagree, which is the platform's fault, not the client's token. GraphQL errors inside a 2xx
 * answer are left to @apollo/gateway, which keeps their `extensions.code`.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly subgraphName: string;
  private readonly signingKey: string;

  constructor(options: SubgraphDataSourceOptions) {
    super({ url: options.url, fetcher: keepAliveFetcher({ timeoutMs: options.timeoutMs, maxSockets: options.maxSockets }) as unknown as Fetcher });
    this.subgraphName = options.name;
    this.signingKey = options.signingKey;
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const { viewer, requestId } =
      'incomingRequestContext' in options ? options.context : { viewer: SYSTEM_VIEWER, requestId: randomUUID() };
    const headers = options.request.http?.headers;
    headers?.set(INTERNAL_CONTEXT_HEADER, signInternalContext({ viewer, requestId }, this.signingKey));
    headers?.set(REQUEST_ID_HEADER, requestId);
  }

  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const body = await response.text().catch(() => '');
    const refused = response.status === 400 ? refusedClientValue(body) : undefined;
    if (refused) return refused;
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
