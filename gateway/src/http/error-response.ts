import { randomUUID } from 'node:crypto';
import { ErrorCode, type Logger } from '@dotmac/kernel/edge';
import type { Response } from 'express';

/** An answer outside Apollo (body parsing, size limits) in the same shape Apollo answers errors. */
export function errorBody(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
  return { errors: [{ message, extensions: { ...extensions, code } }] };
}

export function sendError(res: Response, status: number, code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): void {
  res.status(status).json(errorBody(code, message, extensions));
}

/** Logs an unexpected error under a new correlation id and answers it masked as INTERNAL. */
export function maskedInternalError(logger: Logger, error: unknown) {
  const correlationId = randomUUID();
  logger.error({ err: error, correlationId }, 'unexpected error');
  return errorBody(ErrorCode.INTERNAL, `Internal error (correlation id ${correlationId})`, { correlationId });
}
