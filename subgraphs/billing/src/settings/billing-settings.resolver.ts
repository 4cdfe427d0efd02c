import { Arg, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { runAuditedMutation, tenantScope, UserError } from '@dotmac/kernel';
import { readerScope, writerTenant } from '../access/billing-access.js';
import type { BillingContext } from '../context.js';
import { BillingSettingsType, UpdateBillingSettingsInput } from './billing-settings.type.js';
import * as settings from './billing-settings.service.js';

@ObjectType()
class BillingSettingsPayload {
  @Field(() => BillingSettingsType, { nullable: true }) settings?: BillingSettingsType;
  @Field(() => [UserError]) userErrors: UserError[];
}

@Resolver()
export class BillingSettingsResolver {
  @Query(() => BillingSettingsType, { description: "The ISP's billing defaults." })
  billingSettings(@Ctx() ctx: BillingContext, @Arg('tenantId', () => ID, { nullable: true }) tenantId?: string) {
    const scope = readerScope(ctx.viewer, tenantId);
    return ctx.db.inTenant(scope.tenantId, async (em) => BillingSettingsType.from(await settings.settingsOf(em, scope.tenantId)));
  }

  @Mutation(() => BillingSettingsPayload)
  updateBillingSettings(@Ctx() ctx: BillingContext, @Arg('input', () => UpdateBillingSettingsInput) input: UpdateBillingSettingsInput) {
    const tenantId = writerTenant(ctx.viewer, input.tenantId);
    return runAuditedMutation(ctx, {
      service: 'billing',
      operation: 'updateBillingSettings',
      scope: tenantScope(tenantId),
      work: async (em) => ({
        payload: { settings: BillingSettingsType.from(await settings.updateSettings(em, tenantId, input)) },
        target: { type: 'BillingSettings', id: tenantId, tenantId },
      }),
    });
  }
}
