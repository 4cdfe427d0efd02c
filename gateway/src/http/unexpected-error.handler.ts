import type { Logger } from '@dotmac/kernel/edge';
import type { ErrorRequestHandler } from 'express';
import { maskedInternalError } from './error-response.js';

/** Last resort for errors outside Apollo: logged with a correlation id, masked as INTERNAL. */
export function unexpectedErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    res.status(500).json(maskedInternalError(logger, error));
  };
}
