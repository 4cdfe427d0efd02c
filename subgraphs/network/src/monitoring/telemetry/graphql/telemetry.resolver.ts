import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { runAuditedMutation, tenantScope, withUserErrors } from '@dotmac/kernel';
import { readerTenant, writerTenant } from '../../../access/network-access.js';
import type { NetworkContext } from '../../../context.js';
import { telemetrySettingsOf, updateTelemetrySettings } from '../settings/telemetry-settings.js';
import { IngestHealthSamplesInput, UpdateTelemetrySettingsInput, type HealthSampleInput } from './telemetry.input.js';
import { IngestHealthSamplesPayload, TelemetrySettingsPayload, TelemetrySettingsType } from './telemetry.type.js';

/** The GraphQL sample as the shape REST clients send (labels as an object). */
const asIncoming = (sample: HealthSampleInput) => ({
  ...sample,
  labels: sample.labels ? Object.fromEntries(sample.labels.map((label) => [label.name, label.value])) : undefined,
});

@Resolver()
export class TelemetryResolver {
  @Mutation(() => IngestHealthSamplesPayload, {
    description: 'Stores a batch of device health samples (network staff and API keys with TENANT_ADMIN or NOC). Valid samples are stored, invalid ones reported in `rejected`.',
  })
  async ingestHealthSamples(@Ctx() ctx: NetworkContext, @Arg('input', () => IngestHealthSamplesInput) input: IngestHealthSamplesInput): Promise<IngestHealthSamplesPayload> {
    const tenantId = writerTenant(ctx.viewer, input.tenantId);
    const result = await withUserErrors(() => ctx.telemetry.ingest(tenantId, input.samples.map(asIncoming)));
    return { accepted: result.accepted ?? 0, rejected: result.rejected ?? [], userErrors: result.userErrors };
  }

  @Query(() => TelemetrySettingsType, { description: "The ISP's telemetry retention and health thresholds (defaults until changed)." })
  async telemetrySettings(@Ctx() ctx: NetworkContext, @Arg('tenantId', () => ID, { nullable: true, description: 'Platform admins name the ISP.' }) tenantId?: string) {
    const tenant = readerTenant(ctx.viewer, tenantId);
    return TelemetrySettingsType.from(await ctx.db.inTenant(tenant, (em) => telemetrySettingsOf(em, tenant)));
  }

  @Mutation(() => TelemetrySettingsPayload, { description: 'Changes retention (1–365 days), the staleness window and the health thresholds.' })
  updateTelemetrySettings(@Ctx() ctx: NetworkContext, @Arg('input', () => UpdateTelemetrySettingsInput) input: UpdateTelemetrySettingsInput) {
    const tenantId = writerTenant(ctx.viewer, input.tenantId);
    const { tenantId: _named, ...changes } = input;
    return runAuditedMutation(ctx, {
      service: 'network',
      operation: 'updateTelemetrySettings',
      scope: tenantScope(tenantId),
      work: async (em) => ({
        payload: { settings: TelemetrySettingsType.from(await updateTelemetrySettings(em, tenantId, changes)) },
        target: { type: 'TelemetrySettings', id: tenantId, tenantId },
      }),
    });
  }
}
