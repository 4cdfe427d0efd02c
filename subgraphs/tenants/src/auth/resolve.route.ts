import express, { type Express } from 'express';
import { AppError, INTERNAL_CONTEXT_HEADER, verifyInternalContext, type Logger } from '@dotmac/kernel';
import type { AuthService } from './auth.service.js';

/** Path the gateway calls to turn a presented token into a viewer. */
export const RESOLVE_PATH = '/internal/auth/resolve';

/**
 * Internal endpoint for the gateway only (signed system context required):
 * `{ token }` → 200 `{ viewer, expiresAt }`, 401 `{ code, message }` for a token it refuses, 403 when
 * the caller is not the gateway.
 */
export function mountResolveRoute(app: Express, auth: AuthService, signingKey: string, logger: Logger): void {
  app.post(RESOLVE_PATH, express.json({ limit: '16kb' }), async (req, res) => {
    const internal = verifyInternalContext(req.header(INTERNAL_CONTEXT_HEADER), signingKey);
    if (!internal || internal.viewer.kind !== 'system') {
      // 403, not 401: a refused caller here is a misconfigured gateway, not a client's bad token.
      res.status(403).json({ code: 'FORBIDDEN', message: 'Internal endpoint: requires the gateway signature' });
      return;
    }
    const token: unknown = req.body?.token;
    if (typeof token !== 'string' || token.length === 0 || token.length > 4096) {
      res.status(401).json({ code: 'UNAUTHENTICATED', message: 'Missing or malformed token' });
      return;
    }
    try {
      res.json(await auth.resolve(token));
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
