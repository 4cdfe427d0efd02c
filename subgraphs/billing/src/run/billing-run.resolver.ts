import { Arg, Args, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import {
  addDays,
  AppError,
  connectionType,
  ConnectionArgs,
  paginate,
  recordAudit,
  SortDirection,
  tenantScope,
  todayUtc,
  UserError,
  withUserErrors,
} from '@dotmac/kernel';
import { readerScope, writerTenant } from '../access/billing-access.js';
import type { BillingContext } from '../context.js';
import { BillingRun, BillingRunTrigger } from './billing-run.entity.js';
import { runBilling } from './billing-run.service.js';
import { BillingRunType, RunBillingInput } from './billing-run.type.js';

const BillingRunConnection = connectionType(BillingRunType, 'BillingRun');

@ObjectType()
class RunBillingPayload {
  @Field(() => BillingRunType, { nullable: true }) run?: BillingRunType;
  @Field(() => [UserError]) userErrors: UserError[];
}

/** How far ahead a run may bill: periods starting within a year. */
const MAX_DAYS_AHEAD = 366;

@Resolver()
export class BillingRunResolver {
  @Query(() => BillingRunConnection, { description: "The ISP's billing runs, newest first." })
  billingRuns(@Ctx() ctx: BillingContext, @Args(() => ConnectionArgs) page: ConnectionArgs, @Arg('tenantId', () => ID, { nullable: true }) tenantId?: string) {
    const scope = readerScope(ctx.viewer, tenantId);
    if (scope.subscriberId) throw AppError.forbidden('Billing runs are for staff');
    return ctx.db.inTenant(scope.tenantId, (em) =>
      paginate(em, BillingRun, { where: { tenantId: scope.tenantId }, sortField: 'startedAt', sortDirection: SortDirection.DESC, args: page }, BillingRunType.from),
    );
  }

  @Mutation(() => RunBillingPayload, {
    description: 'Issues every subscription invoice due by `asOf`. Running it again issues nothing new; an interrupted run is completed by the next.',
  })
  runBilling(@Ctx() ctx: BillingContext, @Arg('input', () => RunBillingInput) input: RunBillingInput) {
    const tenantId = writerTenant(ctx.viewer, input.tenantId);
    return withUserErrors(async () => {
      const today = todayUtc();
      const asOf = input.asOf ?? today;
      if (asOf > addDays(today, MAX_DAYS_AHEAD)) throw AppError.badInput('A run bills at most a year ahead', 'asOf');
      const run = await runBilling(ctx.db, { tenantId, asOf, trigger: BillingRunTrigger.MANUAL, batchSize: ctx.billing.runBatchSize });
      await ctx.db.run(tenantScope(tenantId), async (em) =>
        recordAudit(em, {
          service: 'billing',
          operation: 'runBilling',
          actorKind: ctx.viewer.kind,
          actorId: ctx.viewer.id,
          tenantId,
          targetType: 'BillingRun',
          targetId: run.id,
          requestId: ctx.requestId,
          clientIp: ctx.viewer.clientIp,
          details: { asOf, invoicesIssued: run.invoicesIssued },
        }),
      );
      return { run: BillingRunType.from(run) };
    });
  }
}
