import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { AppError, connectionType, ConnectionArgs, expectGlobalId, requireRole, requireViewer, runAuditedMutation, tenantScope } from '@dotmac/kernel';
import type { CustomersContext } from '../context.js';
import { actorOf } from '../change-log/actor.js';
import { READERS, SERVICE, tenantFromInput, WRITERS } from '../shared/access.js';
import { mutateRecord } from '../shared/mutation.js';
import { SubscriberPayload } from '../shared/payloads.js';
import { CreateSubscriberInput, SubscriberFilter, SubscriberOrder, TransitionSubscriberInput, UpdateSubscriberInput } from './subscriber.input.js';
import { SubscriberNode } from './subscriber.type.js';
import { visibleSubscriber } from './subscriber.reference.js';
import * as subscribers from './subscriber.service.js';
import { transitionSubscriber } from './subscriber-status.service.js';

export const SubscriberConnection = connectionType(SubscriberNode, 'Subscriber');

const target = (row: { id: string; tenantId: string }) => ({ type: 'Subscriber', id: row.id, tenantId: row.tenantId });

@Resolver(() => SubscriberNode)
export class SubscriberResolver {
  @Query(() => SubscriberConnection, { description: "An ISP's subscribers. Platform admins must name the ISP." })
  subscribers(
    @Ctx() ctx: CustomersContext,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('tenantId', () => ID, { nullable: true }) tenantId?: string,
    @Arg('filter', () => SubscriberFilter, { nullable: true }) filter?: SubscriberFilter,
    @Arg('orderBy', () => SubscriberOrder, { nullable: true }) orderBy?: SubscriberOrder,
  ) {
    requireRole(ctx.viewer, ...READERS);
    const tenant = tenantFromInput(ctx.viewer, tenantId);
    return ctx.db.inTenant(tenant, (em) => subscribers.listSubscribers(em, tenant, filter, orderBy, page));
  }

  @Query(() => SubscriberNode, { description: 'One subscriber by global id.' })
  async subscriber(@Ctx() ctx: CustomersContext, @Arg('id', () => ID) id: string): Promise<SubscriberNode> {
    requireViewer(ctx.viewer);
    const row = await visibleSubscriber(ctx, expectGlobalId(id, 'Subscriber'));
    if (!row) throw AppError.notFound('Subscriber', id);
    return SubscriberNode.from(row);
  }

  @Mutation(() => SubscriberPayload)
  createSubscriber(@Ctx() ctx: CustomersContext, @Arg('input', () => CreateSubscriberInput) input: CreateSubscriberInput) {
    requireRole(ctx.viewer, ...WRITERS);
    const tenant = tenantFromInput(ctx.viewer, input.tenantId);
    const actor = actorOf(ctx);
    return runAuditedMutation(ctx, {
      service: SERVICE,
      operation: 'createSubscriber',
      scope: tenantScope(tenant),
      work: async (em) => {
        const row = await subscribers.createSubscriber(em, tenant, input, actor);
        return { payload: { subscriber: SubscriberNode.from(row) }, target: target(row) };
      },
    });
  }

  @Mutation(() => SubscriberPayload)
  updateSubscriber(@Ctx() ctx: CustomersContext, @Arg('input', () => UpdateSubscriberInput) input: UpdateSubscriberInput) {
    requireRole(ctx.viewer, ...WRITERS);
    return mutateRecord(ctx, {
      operation: 'updateSubscriber',
      work: async (em, actor) => {
        const row = await subscribers.updateSubscriber(em, expectGlobalId(input.subscriberId, 'Subscriber', 'subscriberId'), input, actor);
        return { payload: { subscriber: SubscriberNode.from(row) }, target: target(row) };
      },
    });
  }

  @Mutation(() => SubscriberPayload, {
    description: 'Moves a subscriber along its lifecycle: lead → active ⇄ suspended, any → cancelled (terminal). An illegal step is a CONFLICT.',
  })
  transitionSubscriber(@Ctx() ctx: CustomersContext, @Arg('input', () => TransitionSubscriberInput) input: TransitionSubscriberInput) {
    requireRole(ctx.viewer, ...WRITERS);
    return mutateRecord(ctx, {
      operation: 'transitionSubscriber',
      work: async (em, actor) => {
        const row = await transitionSubscriber(em, expectGlobalId(input.subscriberId, 'Subscriber', 'subscriberId'), input.to, input.reason, actor);
        return { payload: { subscriber: SubscriberNode.from(row) }, target: target(row), details: { to: input.to, reason: input.reason ?? null } };
      },
    });
  }
}
