import express, { type Express } from 'express';
import { AppError, INTERNAL_CONTEXT_HEADER, verifyInternalContext, type Logger } from '@dotmac/kernel';
import type { AuthService } from './auth.service.js';

/** Path the gateway calls to turn a presented token into a viewer. */
export const RESOLVE_PATH = '/internal/auth/resolve';

/**
 * Internal endpoint for the gateway only (signed system context required):
 * `{ token }` → 200 `{ viewer, expiresAt }` or 401 `{ code, message }`.
 */
export function mountResolveRoute(app: Express, auth: AuthService, signingKey: string, logger: Logger): void {
  app.post(RESOLVE_PATH, express.json({ limit: '16kb' }), async (req, res) => {
    const internal = verifyInternalContext(req.header(INTERNAL_CONTEXT_HEADER), signingKey);
    if (!internal || internal.viewer.kind !== 'system') {
      res.status(401).json({ code: 'UNAUTHENTICATED', message: 'Internal endpoint' });
      return;
    }
    const token: unknown = req.body?.token;
    if (typeof token !== 'string' || token.length === 0 || token.length > 4096) {
      res.status(401).json({ code: 'UNAUTHENTICATED', message: 'Missing or malformed token' });
      return;
    }
    try {
      res.json(await auth.resolve(token, typeof req.body?.clientIp === 'string' ? req.body.clientIp : undefined));
    } catch (error) {
      if (error instanceof AppError) {
        res.status(401).json({ code: error.code, message: error.message });
        return;
      }
      logger.error({ err: error }, 'token resolution failed');
      res.status(500).json({ code: 'INTERNAL', message: 'Token resolution failed' });
    }
  });
}
