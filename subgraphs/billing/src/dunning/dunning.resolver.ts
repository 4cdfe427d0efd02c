import { Arg, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { AppError, addDays, runAuditedMutation, tenantScope, todayUtc, UserError } from '@dotmac/kernel';
import { readerScope, writerTenant } from '../access/billing-access.js';
import type { BillingContext } from '../context.js';
import { policyOf, setPolicy } from './dunning-policy.service.js';
import { runDunningPass } from './dunning.service.js';
import { DunningOutcomeType, DunningPolicyType, RunDunningInput, SetDunningPolicyInput } from './dunning.type.js';

@ObjectType()
class DunningPolicyPayload {
  @Field(() => DunningPolicyType, { nullable: true }) policy?: DunningPolicyType;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType()
class RunDunningPayload {
  @Field(() => DunningOutcomeType, { nullable: true }) outcome?: DunningOutcomeType;
  @Field(() => [UserError]) userErrors: UserError[];
}

@Resolver()
export class DunningResolver {
  @Query(() => DunningPolicyType, { description: "The ISP's dunning policy (the defaults until it sets one)." })
  dunningPolicy(@Ctx() ctx: BillingContext, @Arg('tenantId', () => ID, { nullable: true }) tenantId?: string) {
    const scope = readerScope(ctx.viewer, tenantId);
    if (scope.subscriberId) throw AppError.forbidden('Dunning policies are for staff');
    return ctx.db.inTenant(scope.tenantId, async (em) => DunningPolicyType.from(await policyOf(em, scope.tenantId)));
  }

  @Mutation(() => DunningPolicyPayload)
  setDunningPolicy(@Ctx() ctx: BillingContext, @Arg('input', () => SetDunningPolicyInput) input: SetDunningPolicyInput) {
    const tenantId = writerTenant(ctx.viewer, input.tenantId);
    return runAuditedMutation(ctx, {
      service: 'billing',
      operation: 'setDunningPolicy',
      scope: tenantScope(tenantId),
      work: async (em) => ({ payload: { policy: DunningPolicyType.from(await setPolicy(em, tenantId, input)) }, target: { type: 'DunningPolicy', id: tenantId, tenantId } }),
    });
  }

  @Mutation(() => RunDunningPayload, { description: 'Runs the dunning steps due by `asOf` now (the scheduler does this daily); each step happens once per invoice.' })
  runDunning(@Ctx() ctx: BillingContext, @Arg('input', () => RunDunningInput) input: RunDunningInput) {
    const tenantId = writerTenant(ctx.viewer, input.tenantId);
    const asOf = input.asOf ?? todayUtc();
    return runAuditedMutation(ctx, {
      service: 'billing',
      operation: 'runDunning',
      scope: tenantScope(tenantId),
      work: async (em) => {
        if (asOf > addDays(todayUtc(), 366)) throw AppError.badInput('Dunning runs at most a year ahead', 'asOf');
        const outcome = await runDunningPass(em, tenantId, asOf);
        return { payload: { outcome: Object.assign(new DunningOutcomeType(), outcome) }, details: { asOf, ...outcome } };
      },
    });
  }
}
