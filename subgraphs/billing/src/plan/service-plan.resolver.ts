import { Arg, Args, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { connectionType, ConnectionArgs, expectGlobalId, runAuditedMutation, tenantScope, UserError, type EntityManager } from '@dotmac/kernel';
import { readerScope, writerTenant } from '../access/billing-access.js';
import { objectReader } from '../access/read-scope.js';
import type { BillingContext } from '../context.js';
import { PlanStatus, type ServicePlan } from './service-plan.entity.js';
import { CreateServicePlanInput, ServicePlanFilter, ServicePlanIdInput, ServicePlanOrder, UpdateServicePlanInput } from './service-plan.input.js';
import { ServicePlanType } from './service-plan.type.js';
import * as plans from './service-plan.service.js';

export const ServicePlanConnection = connectionType(ServicePlanType, 'ServicePlan');

@ObjectType()
class ServicePlanPayload {
  @Field(() => ServicePlanType, { nullable: true }) plan?: ServicePlanType;
  @Field(() => [UserError]) userErrors: UserError[];
}

const SERVICE = 'billing';
const planIdOf = (input: { planId: string }) => expectGlobalId(input.planId, 'ServicePlan', 'planId');

@Resolver(() => ServicePlanType)
export class ServicePlanResolver {
  @Query(() => ServicePlanConnection, {
    description: "The ISP's service plans. Subscriber-portal logins see only the plans they subscribe to.",
  })
  servicePlans(
    @Ctx() ctx: BillingContext,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('tenantId', () => ID, { nullable: true }) tenantId?: string,
    @Arg('filter', () => ServicePlanFilter, { nullable: true }) filter?: ServicePlanFilter,
    @Arg('orderBy', () => ServicePlanOrder, { nullable: true }) orderBy?: ServicePlanOrder,
  ) {
    const scope = readerScope(ctx.viewer, tenantId);
    return ctx.db.inTenant(scope.tenantId, (em) => plans.listPlans(em, scope.tenantId, scope.subscriberId, filter, orderBy, page));
  }

  @Query(() => ServicePlanType, { description: 'One service plan by global id.' })
  servicePlan(@Ctx() ctx: BillingContext, @Arg('id', () => ID) id: string): Promise<ServicePlanType> {
    const planId = expectGlobalId(id, 'ServicePlan');
    const reader = objectReader(ctx.viewer);
    return ctx.db.run(reader.scope, async (em) => ServicePlanType.from(await plans.visiblePlan(em, planId, reader.subscriberId)));
  }

  @Mutation(() => ServicePlanPayload)
  createServicePlan(@Ctx() ctx: BillingContext, @Arg('input', () => CreateServicePlanInput) input: CreateServicePlanInput) {
    const tenantId = writerTenant(ctx.viewer, input.tenantId);
    return this.mutate(ctx, 'createServicePlan', tenantId, (em) => plans.createPlan(em, tenantId, input));
  }

  @Mutation(() => ServicePlanPayload, { description: 'Changes a plan; a new price applies to periods billed from now on.' })
  updateServicePlan(@Ctx() ctx: BillingContext, @Arg('input', () => UpdateServicePlanInput) input: UpdateServicePlanInput) {
    const tenantId = writerTenant(ctx.viewer, input.tenantId);
    return this.mutate(ctx, 'updateServicePlan', tenantId, (em) => plans.updatePlan(em, planIdOf(input), input));
  }

  @Mutation(() => ServicePlanPayload, { description: 'Takes a plan off sale; its subscriptions continue.' })
  archiveServicePlan(@Ctx() ctx: BillingContext, @Arg('input', () => ServicePlanIdInput) input: ServicePlanIdInput) {
    const tenantId = writerTenant(ctx.viewer, input.tenantId);
    return this.mutate(ctx, 'archiveServicePlan', tenantId, (em) => plans.setPlanStatus(em, planIdOf(input), PlanStatus.ARCHIVED));
  }

  @Mutation(() => ServicePlanPayload, { description: 'Puts an archived plan back on sale.' })
  unarchiveServicePlan(@Ctx() ctx: BillingContext, @Arg('input', () => ServicePlanIdInput) input: ServicePlanIdInput) {
    const tenantId = writerTenant(ctx.viewer, input.tenantId);
    return this.mutate(ctx, 'unarchiveServicePlan', tenantId, (em) => plans.setPlanStatus(em, planIdOf(input), PlanStatus.ACTIVE));
  }

  private mutate(ctx: BillingContext, operation: string, tenantId: string, change: (em: EntityManager) => Promise<ServicePlan>) {
    return runAuditedMutation(ctx, {
      service: SERVICE,
      operation,
      scope: tenantScope(tenantId),
      work: async (em) => {
        const plan = await change(em);
        return { payload: { plan: ServicePlanType.from(plan) }, target: { type: 'ServicePlan', id: plan.id, tenantId } };
      },
    });
  }
}
