import { randomUUID } from 'node:crypto';
import { ErrorCode, type Logger } from '@dotmac/kernel/edge';
import type { ErrorRequestHandler } from 'express';
import { sendError } from './error-response.js';

/** Last resort for errors outside Apollo: logged with a correlation id, masked as INTERNAL. */
export function unexpectedErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const correlationId = randomUUID();
    logger.error({ err: error, correlationId }, 'unexpected error');
    sendError(res, 500, ErrorCode.INTERNAL, `Internal error (correlation id ${correlationId})`, { correlationId });
  };
}
