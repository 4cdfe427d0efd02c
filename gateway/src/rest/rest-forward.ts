import { randomUUID } from 'node:crypto';
import { AppError, ErrorCode, INTERNAL_CONTEXT_HEADER, signInternalContext, type Logger, type Viewer } from '@dotmac/kernel/edge';
import express, { type ErrorRequestHandler, type Express, type Request, type RequestHandler, type Response } from 'express';
import { presentedToken } from '../auth/request-viewer.js';
import type { ViewerCache } from '../auth/viewer-cache.js';
import type { GatewayConfig } from '../config.js';
import { REQUEST_ID_HEADER, requestIdOf } from '../http/request-id.middleware.js';
import type { SubgraphEndpoints } from '../subgraph/subgraph-endpoints.js';
import type { SubgraphTransport } from '../subgraph/subgraph-transport.js';

/** A public REST prefix and the subgraph (and internal prefix) that owns it. */
export interface RestRoute {
  publicPrefix: string;
  subgraph: string;
  internalPrefix: string;
}

/** The public REST surface: each prefix is forwarded to its owning subgraph's internal routes. */
export const REST_ROUTES: readonly RestRoute[] = [{ publicPrefix: '/api/v1/monitoring', subgraph: 'network', internalPrefix: '/internal/monitoring' }];

export interface RestForwardOptions {
  viewers: ViewerCache | undefined;
  subgraphs: SubgraphEndpoints;
  /** The gateway's pooled connections to subgraphs. */
  transport: SubgraphTransport;
  config: GatewayConfig;
  logger: Logger;
}

const sendCode = (res: Response, status: number, code: ErrorCode, message: string, extra: Record<string, unknown> = {}) =>
  void res.status(status).json({ code, message, ...extra });

const bodyErrors =
  (maxBodyBytes: number): ErrorRequestHandler =>
  (error: { type?: string }, _req, res, next) => {
    if (error.type === 'entity.too.large') sendCode(res, 413, ErrorCode.BAD_USER_INPUT, `Request body exceeds the limit of ${maxBodyBytes} bytes`);
    else if (error.type) sendCode(res, 400, ErrorCode.BAD_USER_INPUT, 'Unreadable request body');
    else next(error);
  };

/** The caller's viewer, or an answer already sent (401 without or with a refused token, 503 when auth is down). */
async function viewerOf(req: Request, res: Response, viewers: ViewerCache, logger: Logger): Promise<Viewer | undefined> {
  try {
    const token = presentedToken({ authorization: req.header('authorization'), apiKey: req.header('x-api-key') });
    if (token === undefined) throw AppError.unauthenticated('An API key (X-API-Key) or a bearer token is required');
    return { ...(await viewers.resolve(token, requestIdOf(res.locals))), clientIp: req.ip };
  } catch (error) {
    if (error instanceof AppError && error.code === ErrorCode.UNAUTHENTICATED) {
      res.setHeader('www-authenticate', 'Bearer');
      sendCode(res, 401, ErrorCode.UNAUTHENTICATED, error.message);
    } else {
      logger.error({ err: error }, 'token resolution for a REST request failed');
      sendCode(res, 503, ErrorCode.INTERNAL, 'Authentication is unavailable');
    }
    return undefined;
  }
}

/**
 * Mounts the public REST prefixes (e.g. `POST /api/v1/monitoring/metrics`) and forwards each
 * request to its owning subgraph's internal route (`/internal/monitoring/metrics`) with the viewer
 * resolved from `X-API-Key` / `Authorization: Bearer`, the signed internal context and the request
 * id. The body is forwarded as received (limit MAX_BODY_BYTES); the subgraph parses and answers it,
 * and its status and JSON come back unchanged. Without DotMac auth nothing is mounted.
 */
export function mountRestForwarding(app: Express, options: RestForwardOptions): void {
  const { viewers, config, logger } = options;
  if (!viewers || !config.signingKey) return;
  const signingKey = config.signingKey;
  for (const route of REST_ROUTES) {
    const subgraphUrl = options.subgraphs.get(route.subgraph);
    if (!subgraphUrl) continue;
    const forward: RequestHandler = async (req, res) => {
      const viewer = await viewerOf(req, res, viewers, logger);
      if (!viewer) return;
      const requestId = requestIdOf(res.locals);
      const body = Buffer.isBuffer(req.body) && req.body.length > 0 ? req.body.toString('utf8') : undefined;
      try {
        const answer = await options.transport.request(
          req.method,
          new URL(`${route.internalPrefix}${req.url}`, subgraphUrl),
          {
            'content-type': req.header('content-type') ?? 'application/json',
            [REQUEST_ID_HEADER]: requestId,
            [INTERNAL_CONTEXT_HEADER]: signInternalContext({ viewer, requestId }, signingKey),
          },
          body,
        );
        res.status(answer.status).type(answer.contentType ?? 'application/json').send(answer.body);
      } catch (error) {
        const correlationId = randomUUID();
        logger.error({ err: error, correlationId, subgraph: route.subgraph }, 'REST forwarding failed');
        sendCode(res, 502, ErrorCode.INTERNAL, `Internal error (correlation id ${correlationId})`, { correlationId });
      }
    };
    app.use(route.publicPrefix, express.raw({ type: () => true, limit: config.limits.maxBodyBytes }), bodyErrors(config.limits.maxBodyBytes), forward);
  }
}
