import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { AppError, PLATFORM_SCOPE, requireViewer, runAuditedMutation, withUserErrors } from '@dotmac/kernel';
import type { TenantsContext } from '../context.js';
import { User } from '../user/user.entity.js';
import { UserType } from '../user/user.type.js';
import { LoginInput, LogoutPayload, RefreshSessionInput, SessionPayload } from './auth.types.js';
import type { IssuedTokens } from './auth.service.js';

function toPayload(tokens: IssuedTokens) {
  return {
    accessToken: tokens.accessToken,
    accessTokenExpiresAt: tokens.accessTokenExpiresAt,
    refreshToken: tokens.refreshToken,
    user: UserType.from(tokens.user),
  };
}

@Resolver()
export class AuthResolver {
  @Query(() => UserType, { nullable: true, description: 'The logged-in user; null for API keys and anonymous callers.' })
  async me(@Ctx() ctx: TenantsContext): Promise<UserType | null> {
    if (ctx.viewer.kind !== 'user' || !ctx.viewer.id) return null;
    const userId = ctx.viewer.id;
    const user = await ctx.db.asPlatform((em) => em.findOne(User, { id: userId }));
    return user ? UserType.from(user) : null;
  }

  @Mutation(() => SessionPayload, { description: 'Password login. Repeated failures are rate-limited per account and per address.' })
  login(@Ctx() ctx: TenantsContext, @Arg('input', () => LoginInput) input: LoginInput) {
    if (!input.email.trim() || !input.password) throw AppError.badInput('Email and password are required', 'email');
    return withUserErrors(async () =>
      toPayload(await ctx.services.auth.login(input.email, input.password, { clientIp: ctx.viewer.clientIp, requestId: ctx.requestId })),
    );
  }

  @Mutation(() => SessionPayload, { description: 'Exchanges a refresh token for new tokens; the old refresh token stops working.' })
  refreshSession(@Ctx() ctx: TenantsContext, @Arg('input', () => RefreshSessionInput) input: RefreshSessionInput) {
    return withUserErrors(async () => toPayload(await ctx.services.auth.refresh(input.refreshToken, ctx.viewer.clientIp)));
  }

  @Mutation(() => LogoutPayload, { description: 'Ends the current session: its refresh token and access tokens stop working.' })
  logout(@Ctx() ctx: TenantsContext) {
    requireViewer(ctx.viewer);
    return runAuditedMutation(ctx, {
      service: 'tenants',
      operation: 'logout',
      scope: PLATFORM_SCOPE,
      work: async (em) => ({
        payload: { endedSessions: await ctx.services.auth.logout(em, ctx.viewer) },
        target: ctx.viewer.id ? { type: 'User', id: ctx.viewer.id } : undefined,
      }),
    });
  }
}
