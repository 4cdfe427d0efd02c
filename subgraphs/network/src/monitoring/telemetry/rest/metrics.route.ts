import { randomUUID } from 'node:crypto';
import express, { type ErrorRequestHandler, type Express, type RequestHandler, type Response } from 'express';
import { AppError, ErrorCode, INTERNAL_CONTEXT_HEADER, verifyInternalContext, type Logger } from '@dotmac/kernel';
import { writerTenant } from '../../../access/network-access.js';
import type { TelemetryIngestion } from '../ingestion/ingestion.service.js';

/** Where the gateway forwards `POST /api/v1/monitoring/metrics`. */
export const METRICS_PATH = '/internal/monitoring/metrics';

const STATUS_OF: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.RATE_LIMITED]: 429,
};

const sendCode = (res: Response, status: number, code: ErrorCode, message: string, extra: Record<string, unknown> = {}) =>
  void res.status(status).json({ code, message, ...extra });

/** Malformed or oversized JSON bodies answer 400 / 413 with a code, like every other failure here. */
const bodyErrors: ErrorRequestHandler = (error: { type?: string }, _req, res, next) => {
  if (error.type === 'entity.too.large') sendCode(res, 413, ErrorCode.BAD_USER_INPUT, 'Request body is too large');
  else if (error.type === 'entity.parse.failed') sendCode(res, 400, ErrorCode.BAD_USER_INPUT, 'Request body is not valid JSON');
  else if (error.type) sendCode(res, 400, ErrorCode.BAD_USER_INPUT, 'Unreadable request body');
  else next(error);
};

/**
 * `POST /internal/monitoring/metrics` for the gateway only (signed internal context required):
 * body `{ samples: [...], tenantId? }` → 200 `{ accepted, rejected: [{ index, field, code, message }] }`;
 * 400 for a malformed body or an oversized batch, 401 without a viewer, 403 without a telemetry role.
 */
export function mountMetricsRoute(app: Express, ingestion: TelemetryIngestion, options: { signingKey: string; maxBodyBytes: number; logger: Logger }): void {
  app.post(
    METRICS_PATH,
    ((req, res, next) => {
      const internal = verifyInternalContext(req.header(INTERNAL_CONTEXT_HEADER), options.signingKey);
      if (!internal) return sendCode(res, 401, ErrorCode.UNAUTHENTICATED, 'Requests must come through the DotMac gateway');
      res.locals.internal = internal;
      next();
    }) as RequestHandler,
    express.json({ limit: options.maxBodyBytes }),
    bodyErrors,
    (async (req, res) => {
      const { viewer } = res.locals.internal;
      try {
        const body: unknown = req.body;
        if (!body || typeof body !== 'object' || !Array.isArray((body as { samples?: unknown }).samples)) {
          throw AppError.badInput('The body must be a JSON object with a "samples" array', 'samples');
        }
        const { samples, tenantId } = body as { samples: unknown[]; tenantId?: unknown };
        const tenant = writerTenant(viewer, typeof tenantId === 'string' ? tenantId : undefined);
        res.status(200).json(await ingestion.ingest(tenant, samples));
      } catch (error) {
        if (error instanceof AppError) {
          const field = typeof error.details.field === 'string' ? { field: error.details.field } : {};
          return sendCode(res, STATUS_OF[error.code] ?? 400, error.code, error.message, field);
        }
        const correlationId = randomUUID();
        options.logger.error({ err: error, correlationId }, 'telemetry ingestion failed');
        sendCode(res, 500, ErrorCode.INTERNAL, `Internal error (correlation id ${correlationId})`, { correlationId });
      }
    }) as RequestHandler,
  );
}
