import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import { AppError, recordAudit, type Database, type EntityManager, type Viewer } from '@dotmac/kernel';
import { authenticateApiKey } from '../api-key/api-key.service.js';
import { Tenant, TenantStatus } from '../tenant/tenant.entity.js';
import { User, UserStatus } from '../user/user.entity.js';
import type { LoginLimiter } from './login-limiter.js';
import { decoyPasswordHash, verifyPassword } from './password.js';
import { Session } from './session.entity.js';
import {
  API_KEY_PREFIX,
  compositeToken,
  parseCompositeToken,
  randomSecret,
  REFRESH_PREFIX,
  sameHash,
  sha256,
  signAccessToken,
  verifyAccessToken,
} from './tokens.js';

export interface AuthSettings {
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
}

export interface IssuedTokens {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  user: User;
}

export interface ResolvedViewer {
  viewer: Viewer;
  /** Epoch ms after which the answer must not be reused. */
  expiresAt: number | null;
}

const INVALID_LOGIN = 'Invalid email or password';

/** Login, refresh-token rotation, logout and resolution of presented tokens into viewers. */
export class AuthService {
  private readonly secret: Uint8Array;

  constructor(
    private readonly db: Database,
    private readonly limiter: LoginLimiter,
    private readonly settings: AuthSettings,
  ) {
    this.secret = new TextEncoder().encode(settings.jwtSecret);
  }

  async login(email: string, password: string, context: { clientIp?: string; requestId: string }): Promise<IssuedTokens> {
    const account = email.trim().toLowerCase();
    await this.limiter.assertAllowed(account, context.clientIp);
    const user = await this.db.asPlatform((em) => em.findOne(User, { email: account }, { populate: ['passwordHash'] }));
    const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
    if (!user || !valid) {
      await this.limiter.recordFailure(account, context.clientIp);
      await this.db.asPlatform(async (em) =>
        recordAudit(em, {
          service: 'tenants',
          operation: 'login.failed',
          actorKind: 'anonymous',
          tenantId: user?.tenantId,
          targetType: user ? 'User' : undefined,
          targetId: user?.id,
          requestId: context.requestId,
          clientIp: context.clientIp,
          details: { email: account },
        }),
      );
      throw AppError.unauthenticated(INVALID_LOGIN);
    }
    if (user.status !== UserStatus.ACTIVE) throw AppError.unauthenticated('This account is disabled');
    await this.limiter.recordSuccess(account);
    return this.db.asPlatform(async (em) => {
      await this.assertTenantOpen(em, user.tenantId);
      const fresh = await em.findOneOrFail(User, { id: user.id });
      fresh.lastLoginAt = new Date();
      const issued = await this.issue(em, fresh, randomUUID(), context.clientIp);
      recordAudit(em, {
        service: 'tenants',
        operation: 'login',
        actorKind: 'user',
        actorId: fresh.id,
        tenantId: fresh.tenantId,
        targetType: 'User',
        targetId: fresh.id,
        requestId: context.requestId,
        clientIp: context.clientIp,
      });
      return issued;
    });
  }

  /** Rotates a refresh token. Presenting an already rotated token revokes its whole family. */
  async refresh(refreshToken: string, clientIp?: string): Promise<IssuedTokens> {
    const parsed = parseCompositeToken(refreshToken, REFRESH_PREFIX, '.');
    if (!parsed) throw AppError.unauthenticated('Invalid refresh token');
    const outcome = await this.db.asPlatform(async (em) => {
      const session = await em.findOne(Session, { id: parsed.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!session || !sameHash(session.tokenHash, sha256(parsed.secret))) return 'invalid' as const;
      if (session.revokedAt) return 'revoked' as const;
      if (session.replacedById) {
        await em.nativeUpdate(Session, { familyId: session.familyId, revokedAt: null }, { revokedAt: new Date() });
        return 'reused' as const;
      }
      if (session.expiresAt.getTime() <= Date.now()) return 'expired' as const;
      const user = await em.findOne(User, { id: session.userId });
      if (!user || user.status !== UserStatus.ACTIVE) return 'disabled' as const;
      await this.assertTenantOpen(em, user.tenantId);
      const issued = await this.issue(em, user, session.familyId, clientIp);
      session.replacedById = parseCompositeToken(issued.refreshToken, REFRESH_PREFIX, '.')!.id;
      return issued;
    });
    if (typeof outcome === 'string') {
      const messages = {
        invalid: 'Invalid refresh token',
        revoked: 'This session has ended',
        reused: 'This refresh token was already used; the session has been ended',
        expired: 'This refresh token has expired',
        disabled: 'This account is disabled',
      };
      throw AppError.unauthenticated(messages[outcome]);
    }
    return outcome;
  }

  /** Ends the viewer's session family: its refresh token and every access token issued from it. */
  async logout(em: EntityManager, viewer: Viewer): Promise<number> {
    if (viewer.kind !== 'user' || !viewer.sessionId) throw AppError.badInput('Only a logged-in user can log out');
    const session = await em.findOne(Session, { id: viewer.sessionId });
    if (!session) throw AppError.notFound('Session');
    return em.nativeUpdate(Session, { familyId: session.familyId, revokedAt: null }, { revokedAt: new Date() });
  }

  /** Turns a presented access token or API key into the viewer it stands for, or UNAUTHENTICATED. */
  async resolve(token: string): Promise<ResolvedViewer> {
    if (token.startsWith(API_KEY_PREFIX)) {
      const key = await this.db.asPlatform((em) => authenticateApiKey(em, token));
      return { viewer: { kind: 'api_key', id: key.id, tenantId: key.tenantId, roles: key.roles }, expiresAt: key.expiresAt?.getTime() ?? null };
    }
    const claims = await verifyAccessToken(token, this.secret);
    if (!claims) throw AppError.unauthenticated('Invalid or expired access token');
    const state = await this.db.asPlatform(async (em) => {
      const user = await em.findOne(User, { id: claims.userId });
      const session = await em.findOne(Session, { id: claims.sessionId });
      return { user, session };
    });
    if (!state.user || state.user.status !== UserStatus.ACTIVE) throw AppError.unauthenticated('This account is disabled');
    if (!state.session || state.session.revokedAt) throw AppError.unauthenticated('This session has ended');
    return {
      viewer: { kind: 'user', id: state.user.id, tenantId: state.user.tenantId, roles: state.user.roles, subscriberId: state.user.subscriberId, sessionId: claims.sessionId },
      expiresAt: claims.expiresAt,
    };
  }

  private async assertTenantOpen(em: EntityManager, tenantId: string | undefined): Promise<void> {
    if (!tenantId) return;
    const tenant = await em.findOne(Tenant, { id: tenantId });
    if (!tenant || tenant.status === TenantStatus.CANCELLED) throw AppError.unauthenticated('This ISP account is closed');
  }

  private async issue(em: EntityManager, user: User, familyId: string, clientIp?: string): Promise<IssuedTokens> {
    const secret = randomSecret();
    const session = em.create(Session, {
      familyId,
      userId: user.id,
      tenantId: user.tenantId,
      tokenHash: sha256(secret),
      expiresAt: new Date(Date.now() + this.settings.refreshTokenTtlDays * 86_400_000),
      clientIp,
    });
    const access = await signAccessToken(
      { userId: user.id, tenantId: user.tenantId, roles: user.roles, sessionId: session.id },
      this.secret,
      this.settings.accessTokenTtlSeconds,
    );
    return {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken: compositeToken(REFRESH_PREFIX, session.id, '.', secret),
      user,
    };
  }
}

