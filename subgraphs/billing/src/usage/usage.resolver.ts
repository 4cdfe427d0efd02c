import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { expectGlobalId, AppError, requireRole, Role, runAuditedMutation, tenantOf, tenantScope } from '@dotmac/kernel';
import { BILLING_WRITERS, readerScope } from '../access/billing-access.js';
import type { BillingContext } from '../context.js';
import { validMetric } from './usage-metric.js';
import { RecordUsageEventsInput } from './usage-event.input.js';
import { validateUsageEvents } from './usage-event.rules.js';
import { RecordUsageEventsPayload, UsageSummaryType } from './usage.type.js';
import * as usage from './usage.service.js';

/** Billing staff, and network operations whose collectors meter the traffic. */
const USAGE_RECORDERS = [...BILLING_WRITERS, Role.NOC];

@Resolver()
export class UsageResolver {
  @Mutation(() => RecordUsageEventsPayload, { description: 'Records metered usage; an event id already recorded counts once.' })
  async recordUsageEvents(@Ctx() ctx: BillingContext, @Arg('input', () => RecordUsageEventsInput) input: RecordUsageEventsInput): Promise<RecordUsageEventsPayload> {
    requireRole(ctx.viewer, ...USAGE_RECORDERS);
    const tenantId = tenantOf(ctx.viewer, input.tenantId ? expectGlobalId(input.tenantId, 'Tenant', 'tenantId') : undefined);
    const { events, errors } = validateUsageEvents(input.events, new Date());
    if (errors.length) return { accepted: 0, duplicates: 0, userErrors: errors };
    return runAuditedMutation(ctx, {
      service: 'billing',
      operation: 'recordUsageEvents',
      scope: tenantScope(tenantId),
      work: async (em) => {
        const counts = await usage.insertUsageEvents(em, tenantId, events);
        return { payload: counts, details: { ...counts, events: events.length } };
      },
    });
  }

  @Query(() => UsageSummaryType, { description: "One subscriber's usage of one metric over [from, to)." })
  usageSummary(
    @Ctx() ctx: BillingContext,
    @Arg('subscriberId', () => ID) subscriberId: string,
    @Arg('metric') metric: string,
    @Arg('from') from: Date,
    @Arg('to') to: Date,
    @Arg('tenantId', () => ID, { nullable: true }) tenantId?: string,
  ): Promise<UsageSummaryType> {
    const scope = readerScope(ctx.viewer, tenantId);
    const id = expectGlobalId(subscriberId, 'Subscriber', 'subscriberId');
    if (scope.subscriberId && scope.subscriberId !== id) throw AppError.notFound('Subscriber', subscriberId);
    const name = validMetric(metric);
    return ctx.db.inTenant(scope.tenantId, (em) => usage.usageSummary(em, scope.tenantId, id, name, from, to));
  }
}
