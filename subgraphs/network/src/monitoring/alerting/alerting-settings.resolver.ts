import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { runAuditedMutation, tenantScope, UserError, type EntityManager } from '@dotmac/kernel';
import { readerTenant, writerTenant } from '../../access/network-access.js';
import type { NetworkContext } from '../../context.js';
import { wholeNumberIn } from './alert-rule.rules.js';
import { AlertingSettings } from './alerting-settings.entity.js';

@ObjectType('AlertingSettings', { description: 'How an ISP detects flapping: more than flapMaxChanges changes within flapWindowSeconds.' })
class AlertingSettingsType {
  @Field(() => Int) flapMaxChanges: number;
  @Field(() => Int, { description: 'Also the quiet time after which flapping ends.' }) flapWindowSeconds: number;
}

@InputType()
class SetAlertingSettingsInput {
  @Field(() => ID, { nullable: true, description: 'Platform admins name the ISP.' }) tenantId?: string;
  @Field(() => Int, { nullable: true, description: '2–100; 5 by default.' }) flapMaxChanges?: number | null;
  @Field(() => Int, { nullable: true, description: '60–86400; 1800 by default.' }) flapWindowSeconds?: number | null;
}

@ObjectType()
class AlertingSettingsPayload {
  @Field(() => AlertingSettingsType, { nullable: true }) settings?: AlertingSettingsType;
  @Field(() => [UserError]) userErrors: UserError[];
}

const settingsOf = async (em: EntityManager, tenantId: string) => (await em.findOne(AlertingSettings, { tenantId })) ?? em.create(AlertingSettings, { tenantId });
const typeOf = (row: AlertingSettings) => Object.assign(new AlertingSettingsType(), { flapMaxChanges: row.flapMaxChanges, flapWindowSeconds: row.flapWindowSeconds });

@Resolver()
export class AlertingSettingsResolver {
  @Query(() => AlertingSettingsType, { description: "The ISP's alerting settings (defaults until changed)." })
  alertingSettings(@Ctx() ctx: NetworkContext, @Arg('tenantId', () => ID, { nullable: true }) tenantId?: string) {
    const tenant = readerTenant(ctx.viewer, tenantId);
    return ctx.db.inTenant(tenant, async (em) => {
      const settings = await settingsOf(em, tenant);
      return typeOf(settings);
    });
  }

  @Mutation(() => AlertingSettingsPayload, { description: 'Changes how flapping is detected; absent fields stay.' })
  setAlertingSettings(@Ctx() ctx: NetworkContext, @Arg('input', () => SetAlertingSettingsInput) input: SetAlertingSettingsInput) {
    const tenantId = writerTenant(ctx.viewer, input.tenantId);
    return runAuditedMutation(ctx, {
      service: 'network',
      operation: 'setAlertingSettings',
      scope: tenantScope(tenantId),
      work: async (em) => {
        const settings = await settingsOf(em, tenantId);
        if (input.flapMaxChanges != null) settings.flapMaxChanges = wholeNumberIn(input.flapMaxChanges, 'flapMaxChanges', [2, 100]);
        if (input.flapWindowSeconds != null) settings.flapWindowSeconds = wholeNumberIn(input.flapWindowSeconds, 'flapWindowSeconds', [60, 86_400]);
        settings.updatedAt = new Date();
        await em.persistAndFlush(settings);
        return { payload: { settings: typeOf(settings) }, target: { type: 'Tenant', id: tenantId, tenantId } };
      },
    });
  }
}
