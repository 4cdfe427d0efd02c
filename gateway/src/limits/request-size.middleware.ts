import { ErrorCode } from '@dotmac/kernel/edge';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { sendError } from '../http/error-response.js';

function queryText(body: unknown, queryString: unknown): unknown {
  if (body && typeof body === 'object' && 'query' in body) return body.query;
  if (queryString && typeof queryString === 'object' && 'query' in queryString) return queryString.query;
  return undefined;
}

/**
 * Rejects batched requests and operation texts over `maxQueryBytes` before Apollo parses them, so
 * an oversized document costs one byte count rather than a parse.
 */
export function operationSizeGuard(maxQueryBytes: number): RequestHandler {
  return (req, res, next) => {
    const refusal = batchOrOversizedQuery(req.body, req.query, maxQueryBytes);
    if (refusal) sendError(res, refusal.status, ErrorCode.BAD_USER_INPUT, refusal.message);
    else next();
  };
}

/** Why a request is refused before parsing (a batch, or an operation text over the limit), if it is. */
export function batchOrOversizedQuery(body: unknown, queryString: unknown, maxQueryBytes: number): { status: number; message: string } | undefined {
  if (Array.isArray(body)) return { status: 400, message: 'Batched requests are not supported: send one operation per request' };
  const query = queryText(body, queryString);
  const bytes = typeof query === 'string' ? Buffer.byteLength(query) : 0;
  if (bytes > maxQueryBytes) return { status: 413, message: `Query of ${bytes} bytes exceeds the limit of ${maxQueryBytes} bytes` };
  return undefined;
}

interface BodyParserError {
  type?: string;
  status?: number;
  expose?: boolean;
  message: string;
}

/** Turns express.json failures (too large, malformed, wrong charset) into coded GraphQL errors. */
export function bodyErrorHandler(maxBodyBytes: number): ErrorRequestHandler {
  return (error: BodyParserError, _req, res, next) => {
    if (error.type === 'entity.too.large') {
      sendError(res, 413, ErrorCode.BAD_USER_INPUT, `Request body exceeds the limit of ${maxBodyBytes} bytes`);
    } else if (error.type === 'entity.parse.failed') {
      sendError(res, 400, ErrorCode.BAD_USER_INPUT, 'Request body is not valid JSON');
    } else if (error.expose && error.status && error.status < 500) {
      sendError(res, error.status, ErrorCode.BAD_USER_INPUT, error.message);
    } else {
      next(error);
    }
  };
}
