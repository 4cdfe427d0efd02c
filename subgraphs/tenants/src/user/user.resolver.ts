import { Arg, Args, Ctx, Field, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import {
  connectionType,
  ConnectionArgs,
  expectGlobalId,
  isPlatformAdmin,
  PLATFORM_SCOPE,
  requireRole,
  Role,
  runAuditedMutation,
  tenantOf,
  tenantScope,
  UserError,
  type Viewer,
} from '@dotmac/kernel';
import type { TenantsContext } from '../context.js';
import { CreateUserInput, UpdateUserInput, UserFilter } from './user.input.js';
import { UserType } from './user.type.js';
import * as users from './user.service.js';

const UserConnection = connectionType(UserType, 'User');

@ObjectType()
class UserPayload {
  @Field(() => UserType, { nullable: true }) user?: UserType;
  @Field(() => [UserError]) userErrors: UserError[];
}

/** Tenant admins manage their own tenant's users; platform admins manage anyone's. */
function writeScope(viewer: Viewer, tenantId: string | undefined) {
  if (isPlatformAdmin(viewer)) return PLATFORM_SCOPE;
  return tenantScope(tenantOf(viewer, tenantId));
}

@Resolver(() => UserType)
export class UserResolver {
  @Query(() => UserConnection, { description: 'Users of a tenant (tenant admins: their own; platform admins: name one, or none for platform admins).' })
  users(
    @Ctx() ctx: TenantsContext,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => UserFilter, { nullable: true }) filter?: UserFilter,
  ) {
    requireRole(ctx.viewer, Role.TENANT_ADMIN);
    const named = filter?.tenantId ? expectGlobalId(filter.tenantId, 'Tenant', 'filter.tenantId') : undefined;
    const tenantId = isPlatformAdmin(ctx.viewer) ? named : tenantOf(ctx.viewer, named);
    return ctx.db.run(writeScope(ctx.viewer, tenantId), (em) => users.listUsers(em, tenantId, filter, page));
  }

  @Mutation(() => UserPayload)
  createUser(@Ctx() ctx: TenantsContext, @Arg('input', () => CreateUserInput) input: CreateUserInput) {
    requireRole(ctx.viewer, Role.TENANT_ADMIN);
    const named = input.tenantId ? expectGlobalId(input.tenantId, 'Tenant', 'tenantId') : undefined;
    const tenantId = isPlatformAdmin(ctx.viewer) ? named : tenantOf(ctx.viewer, named);
    return runAuditedMutation(ctx, {
      service: 'tenants',
      operation: 'createUser',
      scope: writeScope(ctx.viewer, tenantId),
      work: async (em) => {
        const subscriberId = input.subscriberId ? expectGlobalId(input.subscriberId, 'Subscriber', 'subscriberId') : undefined;
        const user = await users.createUser(em, ctx.viewer, { ...input, tenantId, subscriberId });
        return { payload: { user: UserType.from(user) }, target: { type: 'User', id: user.id, tenantId }, details: { roles: user.roles } };
      },
    });
  }

  @Mutation(() => UserPayload, { description: 'Changes a user; status DISABLED ends all their sessions at once.' })
  updateUser(@Ctx() ctx: TenantsContext, @Arg('input', () => UpdateUserInput) input: UpdateUserInput) {
    requireRole(ctx.viewer, Role.TENANT_ADMIN);
    const userId = expectGlobalId(input.userId, 'User', 'userId');
    return runAuditedMutation(ctx, {
      service: 'tenants',
      operation: 'updateUser',
      scope: writeScope(ctx.viewer, undefined),
      work: async (em) => {
        const user = await users.updateUser(em, ctx.viewer, userId, input);
        return {
          payload: { user: UserType.from(user) },
          target: { type: 'User', id: user.id, tenantId: user.tenantId },
          details: { status: input.status ?? null, roles: input.roles ?? null },
        };
      },
    });
  }
}
