import { Arg, Args, Ctx, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import {
  connectionType,
  ConnectionArgs,
  expectGlobalId,
  isPlatformAdmin,
  paginate,
  requireRole,
  Role,
  runAuditedMutation,
  SortDirection,
  tenantOf,
  tenantScope,
  UserError,
} from '@dotmac/kernel';
import type { TenantsContext } from '../context.js';
import { ApiKey } from './api-key.entity.js';
import { ApiKeyType } from './api-key.type.js';
import * as apiKeys from './api-key.service.js';

const ApiKeyConnection = connectionType(ApiKeyType, 'ApiKey');

@InputType()
class CreateApiKeyInput {
  @Field(() => ID, { nullable: true, description: 'Platform admins name the tenant; tenant admins get their own.' }) tenantId?: string;
  @Field() name: string;
  @Field(() => [Role]) roles: Role[];
  @Field(() => Date, { nullable: true }) expiresAt?: Date;
}

@InputType()
class RevokeApiKeyInput {
  @Field(() => ID) apiKeyId: string;
}

@ObjectType()
class CreateApiKeyPayload {
  @Field(() => ApiKeyType, { nullable: true }) apiKey?: ApiKeyType;
  @Field(() => String, { nullable: true, description: 'The full key. Shown once, never again: store it now.' }) secret?: string;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType()
class ApiKeyPayload {
  @Field(() => ApiKeyType, { nullable: true }) apiKey?: ApiKeyType;
  @Field(() => [UserError]) userErrors: UserError[];
}

function keyTenant(ctx: TenantsContext, tenantId: string | undefined): string {
  requireRole(ctx.viewer, Role.TENANT_ADMIN);
  const named = tenantId ? expectGlobalId(tenantId, 'Tenant', 'tenantId') : undefined;
  return tenantOf(ctx.viewer, named);
}

@Resolver(() => ApiKeyType)
export class ApiKeyResolver {
  @Query(() => ApiKeyConnection, { description: "A tenant's API keys, newest first." })
  apiKeys(
    @Ctx() ctx: TenantsContext,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('tenantId', () => ID, { nullable: true }) tenantId?: string,
  ) {
    const tenant = keyTenant(ctx, tenantId);
    return ctx.db.inTenant(tenant, (em) =>
      paginate(em, ApiKey, { where: { tenantId: tenant }, sortField: 'createdAt', sortDirection: SortDirection.DESC, args: page }, ApiKeyType.from),
    );
  }

  @Mutation(() => CreateApiKeyPayload, { description: 'Creates an API key for a partner integration.' })
  createApiKey(@Ctx() ctx: TenantsContext, @Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput) {
    const tenant = keyTenant(ctx, input.tenantId);
    return runAuditedMutation(ctx, {
      service: 'tenants',
      operation: 'createApiKey',
      scope: tenantScope(tenant),
      work: async (em) => {
        const { key, secret } = await apiKeys.createApiKey(em, ctx.viewer, { ...input, tenantId: tenant });
        return { payload: { apiKey: ApiKeyType.from(key), secret }, target: { type: 'ApiKey', id: key.id, tenantId: tenant }, details: { roles: key.roles } };
      },
    });
  }

  @Mutation(() => ApiKeyPayload, { description: 'Revokes an API key; requests with it are refused from then on.' })
  revokeApiKey(@Ctx() ctx: TenantsContext, @Arg('input', () => RevokeApiKeyInput) input: RevokeApiKeyInput) {
    requireRole(ctx.viewer, Role.TENANT_ADMIN);
    const keyId = expectGlobalId(input.apiKeyId, 'ApiKey', 'apiKeyId');
    const scope = isPlatformAdmin(ctx.viewer) ? { kind: 'platform' as const } : tenantScope(tenantOf(ctx.viewer));
    return runAuditedMutation(ctx, {
      service: 'tenants',
      operation: 'revokeApiKey',
      scope,
      work: async (em) => {
        const key = await apiKeys.revokeApiKey(em, keyId);
        return { payload: { apiKey: ApiKeyType.from(key) }, target: { type: 'ApiKey', id: key.id, tenantId: key.tenantId } };
      },
    });
  }
}
