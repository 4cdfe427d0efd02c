import { Arg, Args, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import {
  AppError,
  connectionType,
  ConnectionArgs,
  expectGlobalId,
  LocalDateScalar,
  runAuditedMutation,
  tenantScope,
  todayUtc,
  UserError,
  type EntityManager,
  type LocalDate,
} from '@dotmac/kernel';
import { readerScope, writerTenant } from '../access/billing-access.js';
import type { BillingContext } from '../context.js';
import type { TaxRate } from './tax-rate.entity.js';
import { CreateTaxRateInput, EndTaxRateInput, TaxRateOrder } from './tax-rate.input.js';
import { TaxRateType } from './tax-rate.type.js';
import * as taxRates from './tax-rate.service.js';

export const TaxRateConnection = connectionType(TaxRateType, 'TaxRate');

@ObjectType()
class TaxRatePayload {
  @Field(() => TaxRateType, { nullable: true }) taxRate?: TaxRateType;
  @Field(() => [UserError]) userErrors: UserError[];
}

@Resolver(() => TaxRateType)
export class TaxRateResolver {
  @Query(() => TaxRateConnection, { description: "The ISP's tax rates (staff only)." })
  taxRates(
    @Ctx() ctx: BillingContext,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('tenantId', () => ID, { nullable: true }) tenantId?: string,
    @Arg('jurisdiction', () => String, { nullable: true }) jurisdiction?: string,
    @Arg('activeOn', () => LocalDateScalar, { nullable: true, description: 'Only rates in effect on this date.' }) activeOn?: LocalDate,
    @Arg('orderBy', () => TaxRateOrder, { nullable: true }) orderBy?: TaxRateOrder,
  ) {
    const scope = readerScope(ctx.viewer, tenantId);
    if (scope.subscriberId) throw AppError.forbidden('Tax rates are for staff');
    return ctx.db.inTenant(scope.tenantId, (em) => taxRates.listTaxRates(em, scope.tenantId, { jurisdiction, activeOn }, orderBy, page));
  }

  @Mutation(() => TaxRatePayload, { description: 'Adds a rate; two rates of one jurisdiction and name never overlap in time.' })
  createTaxRate(@Ctx() ctx: BillingContext, @Arg('input', () => CreateTaxRateInput) input: CreateTaxRateInput) {
    const tenantId = writerTenant(ctx.viewer, input.tenantId);
    return this.mutate(ctx, 'createTaxRate', tenantId, (em) => taxRates.createTaxRate(em, tenantId, input));
  }

  @Mutation(() => TaxRatePayload, { description: 'Sets or moves the last day of a rate, never before an issued invoice that used it.' })
  endTaxRate(@Ctx() ctx: BillingContext, @Arg('input', () => EndTaxRateInput) input: EndTaxRateInput) {
    const tenantId = writerTenant(ctx.viewer, input.tenantId);
    return this.mutate(ctx, 'endTaxRate', tenantId, (em) =>
      taxRates.endTaxRate(em, expectGlobalId(input.taxRateId, 'TaxRate', 'taxRateId'), input.effectiveTo, todayUtc()),
    );
  }

  private mutate(ctx: BillingContext, operation: string, tenantId: string, change: (em: EntityManager) => Promise<TaxRate>) {
    return runAuditedMutation(ctx, {
      service: 'billing',
      operation,
      scope: tenantScope(tenantId),
      work: async (em) => {
        const rate = await change(em);
        return { payload: { taxRate: TaxRateType.from(rate) }, target: { type: 'TaxRate', id: rate.id, tenantId } };
      },
    });
  }
}
