import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import { ErrorCode, type Logger } from '@dotmac/kernel/edge';
import type { GatewayContext } from '../auth/gateway-context.js';
import { errorBody, maskedInternalError } from './error-response.js';
import { REQUEST_ID_HEADER, acceptedRequestId } from './request-id.middleware.js';
import { batchOrOversizedQuery } from '../limits/request-size.middleware.js';

const gzipAsync = promisify(gzip);

export interface GraphQLPostLaneOptions {
  apollo: ApolloServer<GatewayContext>;
  maxBodyBytes: number;
  maxQueryBytes: number;
  /** Answers from this size on are gzipped for clients that accept it; 0: never. */
  compressionMinBytes: number;
  trustProxy: boolean;
  logger: Logger;
  /** Builds the request's context (resolves the viewer); errors become Apollo's error answers. */
  contextFor(request: { requestId: string; clientIp: string | undefined; authorization?: string; apiKey?: string }): Promise<GatewayContext>;
}

export interface GraphQLPostLane {
  /** Whether this lane serves the request: a JSON POST to /graphql. Everything else goes to express. */
  accepts(req: IncomingMessage): boolean;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function isJson(req: IncomingMessage): boolean {
  const type = headerValue(req, 'content-type')?.toLowerCase();
  if (!type?.startsWith('application/json')) return false;
  const charset = /charset=([^;]+)/.exec(type)?.[1]?.trim().replace(/"/g, '');
  return !charset || charset === 'utf-8' || charset === 'utf8';
}

function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(headerValue(req, 'content-length'));
  if (declared > maxBytes) return Promise.reject(new RequestError(413, `Request body exceeds the limit of ${maxBytes} bytes`));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.removeAllListeners('data');
        req.resume();
        reject(new RequestError(413, `Request body exceeds the limit of ${maxBytes} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function clientIpOf(req: IncomingMessage, trustProxy: boolean): string | undefined {
  if (trustProxy) {
    const forwarded = headerValue(req, 'x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  return req.socket.remoteAddress;
}

function acceptsGzip(req: IncomingMessage): boolean {
  for (const entry of headerValue(req, 'accept-encoding')?.split(',') ?? []) {
    const [name, ...parameters] = entry.split(';').map((part) => part.trim().toLowerCase());
    if (name !== 'gzip' && name !== '*') continue;
    const quality = parameters.find((parameter) => parameter.startsWith('q='));
    if (!quality || Number(quality.slice(2)) > 0) return true;
  }
  return false;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(text));
  res.end(text);
}

/**
 * The gateway's hot path: JSON POSTs to /graphql served on Node's http objects, without express's
 * router and middleware stack, straight into Apollo Server's request pipeline. It applies what the
 * express path applies: request id, CORS headers, body and query size limits, batch refusal, the
 * viewer, and gzip for large answers when the client accepts it. GET, preflight, `/health` and
 * every other route stay on express.
 */
export function graphqlPostLane(options: GraphQLPostLaneOptions): GraphQLPostLane {
  const { apollo, logger } = options;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = acceptedRequestId(headerValue(req, REQUEST_ID_HEADER));
    res.setHeader(REQUEST_ID_HEADER, requestId);
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-expose-headers', REQUEST_ID_HEADER);
    try {
      const raw = await readBody(req, options.maxBodyBytes);
      let body: unknown;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        throw new RequestError(400, 'Request body is not valid JSON');
      }
      const url = new URL(req.url ?? '/graphql', 'http://gateway');
      const refusal = batchOrOversizedQuery(body, Object.fromEntries(url.searchParams), options.maxQueryBytes);
      if (refusal) throw new RequestError(refusal.status, refusal.message);

      const headers = new HeaderMap();
      for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      const context = () =>
        options.contextFor({
          requestId,
          clientIp: clientIpOf(req, options.trustProxy),
          authorization: headerValue(req, 'authorization'),
          apiKey: headerValue(req, 'x-api-key'),
        });
      const answer = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: { method: 'POST', headers, search: url.search, body }, context });
      res.statusCode = answer.status ?? 200;
      for (const [name, value] of answer.headers) res.setHeader(name, value);
      if (answer.body.kind === 'chunked') {
        for await (const chunk of answer.body.asyncIterator) res.write(chunk);
        res.end();
        return;
      }
      const text = answer.body.string;
      if (options.compressionMinBytes > 0 && Buffer.byteLength(text) >= options.compressionMinBytes && acceptsGzip(req)) {
        const compressed = await gzipAsync(text);
        res.setHeader('content-encoding', 'gzip');
        res.setHeader('vary', 'Accept-Encoding');
        res.setHeader('content-length', compressed.length);
        res.end(compressed);
        return;
      }
      res.setHeader('content-length', Buffer.byteLength(text));
      res.end(text);
    } catch (error) {
      if (res.headersSent) {
        res.destroy(error as Error);
        return;
      }
      if (error instanceof RequestError) {
        sendJson(res, error.status, errorBody(ErrorCode.BAD_USER_INPUT, error.message));
        return;
      }
      sendJson(res, 500, maskedInternalError(logger, error));
    }
  }

  return {
    accepts: (req) => req.method === 'POST' && (req.url === '/graphql' || req.url?.startsWith('/graphql?') === true) && isJson(req),
    handle,
  };
}
