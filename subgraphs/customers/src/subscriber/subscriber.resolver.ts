import { Arg, Args, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import {
  AppError,
  connectionType,
  ConnectionArgs,
  expectGlobalId,
  requireRole,
  requireViewer,
  Role,
  runAuditedMutation,
  tenantOf,
  tenantScope,
  UserError,
} from '@dotmac/kernel';
import type { CustomersContext } from '../context.js';
import { CreateSubscriberInput, SubscriberFilter, SubscriberOrder, UpdateSubscriberInput } from './subscriber.input.js';
import { SubscriberNode } from './subscriber.type.js';
import * as subscribers from './subscriber.service.js';

export const SubscriberConnection = connectionType(SubscriberNode, 'Subscriber');

@ObjectType()
class SubscriberPayload {
  @Field(() => SubscriberNode, { nullable: true }) subscriber?: SubscriberNode;
  @Field(() => [UserError]) userErrors: UserError[];
}

/** Staff roles that may manage subscribers. */
const WRITERS = [Role.TENANT_ADMIN, Role.BILLING, Role.SUPPORT_AGENT];
const READERS = [...WRITERS, Role.NOC, Role.PARTNER];

const SERVICE = 'customers';

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
    const tenant = tenantOf(ctx.viewer, tenantId ? expectGlobalId(tenantId, 'Tenant', 'tenantId') : undefined);
    return ctx.db.inTenant(tenant, (em) => subscribers.listSubscribers(em, tenant, filter, orderBy, page));
  }

  @Query(() => SubscriberNode, { description: 'One subscriber by global id.' })
  async subscriber(@Ctx() ctx: CustomersContext, @Arg('id', () => ID) id: string): Promise<SubscriberNode> {
    requireViewer(ctx.viewer);
    const row = await ctx.loaders.subscriberById.load(expectGlobalId(id, 'Subscriber'));
    if (!row) throw AppError.notFound('Subscriber', id);
    return SubscriberNode.from(row);
  }

  @Mutation(() => SubscriberPayload)
  createSubscriber(@Ctx() ctx: CustomersContext, @Arg('input', () => CreateSubscriberInput) input: CreateSubscriberInput) {
    requireRole(ctx.viewer, ...WRITERS);
    const tenant = tenantOf(ctx.viewer, input.tenantId ? expectGlobalId(input.tenantId, 'Tenant', 'tenantId') : undefined);
    return runAuditedMutation(ctx, {
      service: SERVICE,
      operation: 'createSubscriber',
      scope: tenantScope(tenant),
      work: async (em) => {
        const row = await subscribers.createSubscriber(em, tenant, input);
        return { payload: { subscriber: SubscriberNode.from(row) }, target: { type: 'Subscriber', id: row.id, tenantId: tenant } };
      },
    });
  }

  @Mutation(() => SubscriberPayload)
  updateSubscriber(@Ctx() ctx: CustomersContext, @Arg('input', () => UpdateSubscriberInput) input: UpdateSubscriberInput) {
    requireRole(ctx.viewer, ...WRITERS);
    const id = expectGlobalId(input.subscriberId, 'Subscriber', 'subscriberId');
    const tenant = tenantOf(ctx.viewer, undefined);
    return runAuditedMutation(ctx, {
      service: SERVICE,
      operation: 'updateSubscriber',
      scope: tenantScope(tenant),
      work: async (em) => {
        const row = await subscribers.updateSubscriber(em, id, input);
        return { payload: { subscriber: SubscriberNode.from(row) }, target: { type: 'Subscriber', id: row.id, tenantId: tenant } };
      },
    });
  }
}
