import { Arg, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { AppError, expectGlobalId, runAuditedMutation, tenantScope, UserError } from '@dotmac/kernel';
import { readerScope, writerTenant } from '../access/billing-access.js';
import type { BillingContext } from '../context.js';
import { BillingAccountType, UpdateBillingAccountInput } from './billing-account.type.js';
import * as accounts from './billing-account-profile.service.js';

@ObjectType()
class BillingAccountPayload {
  @Field(() => BillingAccountType, { nullable: true }) billingAccount?: BillingAccountType;
  @Field(() => [UserError]) userErrors: UserError[];
}

@Resolver(() => BillingAccountType)
export class BillingAccountResolver {
  @Query(() => BillingAccountType, { description: "A subscriber's billing account (its defaults until billing first uses it)." })
  billingAccount(
    @Ctx() ctx: BillingContext,
    @Arg('subscriberId', () => ID) subscriberId: string,
    @Arg('tenantId', () => ID, { nullable: true }) tenantId?: string,
  ): Promise<BillingAccountType> {
    const scope = readerScope(ctx.viewer, tenantId);
    const id = expectGlobalId(subscriberId, 'Subscriber', 'subscriberId');
    if (scope.subscriberId && scope.subscriberId !== id) throw AppError.notFound('BillingAccount', subscriberId);
    return ctx.db.inTenant(scope.tenantId, async (em) => BillingAccountType.from(await accounts.accountOrDefaults(em, scope.tenantId, id)));
  }

  @Mutation(() => BillingAccountPayload, { description: 'Sets where a subscriber pays tax and its exemptions ("*" = all).' })
  updateBillingAccount(@Ctx() ctx: BillingContext, @Arg('input', () => UpdateBillingAccountInput) input: UpdateBillingAccountInput) {
    const tenantId = writerTenant(ctx.viewer, input.tenantId);
    return runAuditedMutation(ctx, {
      service: 'billing',
      operation: 'updateBillingAccount',
      scope: tenantScope(tenantId),
      work: async (em) => {
        const subscriberId = expectGlobalId(input.subscriberId, 'Subscriber', 'subscriberId');
        const account = await accounts.updateAccount(em, tenantId, subscriberId, input);
        return { payload: { billingAccount: BillingAccountType.from(account) }, target: { type: 'BillingAccount', id: subscriberId, tenantId } };
      },
    });
  }
}
