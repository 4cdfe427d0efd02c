import { Arg, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { requireRole, Role, runAuditedMutation, tenantOf, tenantScope, expectGlobalId, UserError } from '@dotmac/kernel';
import { readerTenant } from '../access/network-access.js';
import type { NetworkContext } from '../context.js';
import { settingsOf, updateRadiusSettings } from './radius-settings.service.js';
import { RadiusSettingsType } from './radius-settings.type.js';
import { UpdateRadiusSettingsInput } from './service.input.js';

@ObjectType()
class RadiusSettingsPayload {
  @Field(() => RadiusSettingsType, { nullable: true }) settings?: RadiusSettingsType;
  @Field(() => [UserError]) userErrors: UserError[];
}

@Resolver(() => RadiusSettingsType)
export class RadiusSettingsResolver {
  @Query(() => RadiusSettingsType, { description: "The ISP's RADIUS settings (rate attribute, suspension profile)." })
  radiusSettings(@Ctx() ctx: NetworkContext, @Arg('tenantId', () => ID, { nullable: true, description: 'Platform admins name the ISP.' }) tenantId?: string) {
    const tenant = readerTenant(ctx.viewer, tenantId);
    return ctx.db.inTenant(tenant, async (em) => RadiusSettingsType.from(await settingsOf(em, tenant)));
  }

  @Mutation(() => RadiusSettingsPayload, { description: 'Changes how RADIUS answers: the rate attribute format and the suspension profile (ISP admins).' })
  updateRadiusSettings(@Ctx() ctx: NetworkContext, @Arg('input', () => UpdateRadiusSettingsInput) input: UpdateRadiusSettingsInput) {
    requireRole(ctx.viewer, Role.TENANT_ADMIN);
    const tenantId = tenantOf(ctx.viewer, input.tenantId ? expectGlobalId(input.tenantId, 'Tenant', 'tenantId') : undefined);
    return runAuditedMutation(ctx, {
      service: 'network',
      operation: 'updateRadiusSettings',
      scope: tenantScope(tenantId),
      work: async (em) => {
        const settings = await updateRadiusSettings(em, ctx.credentials, tenantId, input);
        return { payload: { settings: RadiusSettingsType.from(settings) }, target: { type: 'RadiusSettings', id: tenantId, tenantId } };
      },
    });
  }
}
