import { Arg, Args, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { connectionType, ConnectionArgs, requireRole, runAuditedMutation, tenantScope, UserError, type EntityManager } from '@dotmac/kernel';
import { NETWORK_READERS, readerTenant, writerTenant } from '../access/network-access.js';
import type { NetworkContext } from '../context.js';
import { RadiusSessionConnection, SessionArgs } from './radius-session.type.js';
import { RadiusSessionType } from './radius-session.type.js';
import { findService, provisionService, updateService } from './service-activation.service.js';
import { listServices } from './service-query.service.js';
import { terminateServices } from './service-standing.service.js';
import { passwordContext, type Service } from './service.entity.js';
import { ProvisionServiceInput, ServiceFilter, ServiceIdInput, UpdateServiceInput } from './service.input.js';
import { resolveServiceReference } from './service.reference.js';
import { ServiceType } from './service.type.js';

export const ServiceConnection = connectionType(ServiceType, 'Service');

@ObjectType()
class ServicePayload {
  @Field(() => ServiceType, { nullable: true }) service?: ServiceType;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType()
class ServicePasswordPayload {
  @Field(() => String, { nullable: true, description: 'The RADIUS password, for configuring the CPE.' }) password?: string;
  @Field(() => [UserError]) userErrors: UserError[];
}

@Resolver(() => ServiceType)
export class ServiceResolver {
  @Query(() => ServiceConnection, { description: "The ISP's services (RADIUS access), newest first." })
  services(
    @Ctx() ctx: NetworkContext,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('tenantId', () => ID, { nullable: true, description: 'Platform admins name the ISP.' }) tenantId?: string,
    @Arg('filter', () => ServiceFilter, { nullable: true }) filter?: ServiceFilter,
  ) {
    const tenant = readerTenant(ctx.viewer, tenantId);
    return ctx.db.inTenant(tenant, (em) => listServices(em, tenant, filter, page));
  }

  @Query(() => ServiceType, { description: "One service by id; another ISP's is NOT_FOUND." })
  service(@Ctx() ctx: NetworkContext, @Arg('id', () => ID) id: string): Promise<ServiceType> {
    return resolveServiceReference({ id }, ctx);
  }

  @FieldResolver(() => RadiusSessionConnection, { description: 'Sessions this service logged in, newest first.' })
  async sessions(@Root() service: ServiceType, @Ctx() ctx: NetworkContext, @Args(() => SessionArgs) window: SessionArgs) {
    requireRole(ctx.viewer, ...NETWORK_READERS);
    const connection = await ctx.loaders.sessions('service', window).load(service.rawId);
    return { ...connection, edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: RadiusSessionType.from(edge.node) })) };
  }

  @Mutation(() => ServicePayload, { description: 'Provisions a service by hand: credentials (chosen or generated), speeds, a static address.' })
  provisionService(@Ctx() ctx: NetworkContext, @Arg('input', () => ProvisionServiceInput) input: ProvisionServiceInput) {
    const tenantId = writerTenant(ctx.viewer, input.tenantId);
    return this.mutate(ctx, 'provisionService', tenantId, (em) => provisionService(em, ctx.credentials, tenantId, input, ctx.viewer.id));
  }

  @Mutation(() => ServicePayload, { description: "Changes a live service's username, password, speeds or static address." })
  updateService(@Ctx() ctx: NetworkContext, @Arg('input', () => UpdateServiceInput) input: UpdateServiceInput) {
    const tenantId = writerTenant(ctx.viewer, input.tenantId);
    return this.mutate(ctx, 'updateService', tenantId, (em) => updateService(em, ctx.credentials, input.serviceId, input, ctx.viewer.id));
  }

  @Mutation(() => ServicePayload, { description: 'Ends a service now: RADIUS rejects it, its static address is released.' })
  terminateService(@Ctx() ctx: NetworkContext, @Arg('input', () => ServiceIdInput) input: ServiceIdInput) {
    const tenantId = writerTenant(ctx.viewer, input.tenantId);
    return this.mutate(ctx, 'terminateService', tenantId, async (em) => {
      const service = await findService(em, input.serviceId);
      await terminateServices(em, [service], ctx.viewer.id);
      return service;
    });
  }

  @Mutation(() => ServicePasswordPayload, { description: "Shows a service's RADIUS password (audited)." })
  revealServicePassword(@Ctx() ctx: NetworkContext, @Arg('input', () => ServiceIdInput) input: ServiceIdInput) {
    const tenantId = writerTenant(ctx.viewer, input.tenantId);
    return runAuditedMutation(ctx, {
      service: 'network',
      operation: 'revealServicePassword',
      scope: tenantScope(tenantId),
      work: async (em) => {
        const service = await findService(em, input.serviceId);
        return { payload: { password: ctx.credentials.open(service.passwordSealed, passwordContext(service.id)) }, target: { type: 'Service', id: service.id, tenantId } };
      },
    });
  }

  private mutate(ctx: NetworkContext, operation: string, tenantId: string, change: (em: EntityManager) => Promise<Service>) {
    return runAuditedMutation(ctx, {
      service: 'network',
      operation,
      scope: tenantScope(tenantId),
      work: async (em) => {
        const service = await change(em);
        return { payload: { service: ServiceType.from(service) }, target: { type: 'Service', id: service.id, tenantId }, details: { username: service.username, state: service.state } };
      },
    });
  }
}
