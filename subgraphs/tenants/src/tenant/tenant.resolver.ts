import { Arg, Args, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import {
  AppError,
  connectionType,
  ConnectionArgs,
  expectGlobalId,
  PLATFORM_SCOPE,
  platformReadScope,
  requirePlatformAdmin,
  requireRole,
  Role,
  runAuditedMutation,
  tenantScope,
  UserError,
} from '@dotmac/kernel';
import type { TenantsContext } from '../context.js';
import { TenantType } from './tenant.type.js';
import { CreateTenantInput, TenantFilter, TenantOrder, TransitionTenantInput, UpdateTenantInput } from './tenant.input.js';
import * as tenants from './tenant.service.js';

const TenantConnection = connectionType(TenantType, 'Tenant');

@ObjectType()
class TenantPayload {
  @Field(() => TenantType, { nullable: true }) tenant?: TenantType;
  @Field(() => [UserError]) userErrors: UserError[];
}

const SERVICE = 'tenants';

@Resolver(() => TenantType)
export class TenantResolver {
  @Query(() => TenantConnection, { description: 'ISPs: all of them for platform admins, your own otherwise.' })
  tenants(
    @Ctx() ctx: TenantsContext,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => TenantFilter, { nullable: true }) filter?: TenantFilter,
    @Arg('orderBy', () => TenantOrder, { nullable: true }) orderBy?: TenantOrder,
  ) {
    return ctx.db.run(platformReadScope(ctx.viewer), (em) => tenants.listTenants(em, filter, orderBy, page));
  }

  @Query(() => TenantType, { description: 'One ISP by global id.' })
  async tenant(@Ctx() ctx: TenantsContext, @Arg('id', () => ID) id: string): Promise<TenantType> {
    const tenantId = expectGlobalId(id, 'Tenant');
    const tenant = await ctx.loaders.tenantById.load(tenantId);
    if (!tenant) throw AppError.notFound('Tenant', id);
    return TenantType.from(tenant);
  }

  @Mutation(() => TenantPayload, { description: 'Registers a new ISP (pending until provisioned). Platform admins only.' })
  createTenant(@Ctx() ctx: TenantsContext, @Arg('input', () => CreateTenantInput) input: CreateTenantInput) {
    requirePlatformAdmin(ctx.viewer);
    return runAuditedMutation(ctx, {
      service: SERVICE,
      operation: 'createTenant',
      scope: PLATFORM_SCOPE,
      work: async (em) => {
        const tenant = await tenants.createTenant(em, input);
        return { payload: { tenant: TenantType.from(tenant) }, target: { type: 'Tenant', id: tenant.id, tenantId: tenant.id } };
      },
    });
  }

  @Mutation(() => TenantPayload, { description: 'Renames an ISP or changes its plan tier.' })
  updateTenant(@Ctx() ctx: TenantsContext, @Arg('input', () => UpdateTenantInput) input: UpdateTenantInput) {
    requireRole(ctx.viewer, Role.TENANT_ADMIN);
    const tenantId = expectGlobalId(input.tenantId, 'Tenant', 'tenantId');
    if (input.planTier) requirePlatformAdmin(ctx.viewer);
    return runAuditedMutation(ctx, {
      service: SERVICE,
      operation: 'updateTenant',
      scope: ctx.viewer.tenantId ? tenantScope(ctx.viewer.tenantId) : PLATFORM_SCOPE,
      work: async (em) => {
        const tenant = await tenants.updateTenant(em, tenantId, input);
        return { payload: { tenant: TenantType.from(tenant) }, target: { type: 'Tenant', id: tenant.id, tenantId: tenant.id } };
      },
    });
  }

  @Mutation(() => TenantPayload, { description: 'Moves an ISP along its lifecycle. Platform admins only.' })
  transitionTenant(@Ctx() ctx: TenantsContext, @Arg('input', () => TransitionTenantInput) input: TransitionTenantInput) {
    requirePlatformAdmin(ctx.viewer);
    const tenantId = expectGlobalId(input.tenantId, 'Tenant', 'tenantId');
    return runAuditedMutation(ctx, {
      service: SERVICE,
      operation: 'transitionTenant',
      scope: PLATFORM_SCOPE,
      work: async (em) => {
        const tenant = await tenants.transitionTenant(em, tenantId, input.to, input.reason);
        return {
          payload: { tenant: TenantType.from(tenant) },
          target: { type: 'Tenant', id: tenant.id, tenantId: tenant.id },
          details: { to: input.to, reason: input.reason ?? null },
        };
      },
    });
  }
}
