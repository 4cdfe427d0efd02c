import { Arg, Args, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { connectionType, ConnectionArgs, expectGlobalId, runAuditedMutation, tenantScope, UserError, type EntityManager } from '@dotmac/kernel';
import { readerTenant, writerTenant } from '../../access/network-access.js';
import type { NetworkContext } from '../../context.js';
import { referenceResolver } from '../../shared/reference.js';
import { Incident } from './incident.entity.js';
import { AddIncidentNoteInput, IncidentActionInput, IncidentFilter, IncidentOrder } from './incident.input.js';
import * as incidents from './incident.service.js';
import { IncidentType } from './incident.type.js';

export const IncidentConnection = connectionType(IncidentType, 'Incident');

/** Resolves Incident entities for the gateway (e.g. `node(id)`); another ISP's is NOT_FOUND. */
export const resolveIncidentReference = referenceResolver('Incident', Incident, IncidentType.from);

@ObjectType()
class IncidentPayload {
  @Field(() => IncidentType, { nullable: true }) incident?: IncidentType;
  @Field(() => [UserError]) userErrors: UserError[];
}

@Resolver(() => IncidentType)
export class IncidentResolver {
  @Query(() => IncidentConnection, { description: "The ISP's incidents, newest first unless ordered otherwise (network staff and support)." })
  incidents(
    @Ctx() ctx: NetworkContext,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('tenantId', () => ID, { nullable: true, description: 'Platform admins name the ISP.' }) tenantId?: string,
    @Arg('filter', () => IncidentFilter, { nullable: true }) filter?: IncidentFilter,
    @Arg('orderBy', () => IncidentOrder, { nullable: true }) orderBy?: IncidentOrder,
  ) {
    const tenant = readerTenant(ctx.viewer, tenantId);
    return ctx.db.inTenant(tenant, (em) => incidents.listIncidents(em, tenant, filter, orderBy, page));
  }

  @Query(() => IncidentType, { description: "One incident by its id; another ISP's is NOT_FOUND." })
  incident(@Ctx() ctx: NetworkContext, @Arg('id', () => ID) id: string): Promise<IncidentType> {
    return resolveIncidentReference({ id }, ctx);
  }

  @Mutation(() => IncidentPayload, { description: 'OPEN → ACKNOWLEDGED; anything else is CONFLICT naming the states allowed from here.' })
  acknowledgeIncident(@Ctx() ctx: NetworkContext, @Arg('input', () => IncidentActionInput) input: IncidentActionInput) {
    return this.mutate(ctx, 'acknowledgeIncident', input, (em, id) => incidents.acknowledgeIncident(em, ctx.viewer, id, input.note));
  }

  @Mutation(() => IncidentPayload, { description: 'OPEN or ACKNOWLEDGED → RESOLVED; the rule then counts afresh for the device.' })
  resolveIncident(@Ctx() ctx: NetworkContext, @Arg('input', () => IncidentActionInput) input: IncidentActionInput) {
    return this.mutate(ctx, 'resolveIncident', input, (em, id) => incidents.resolveIncident(em, ctx.viewer, id, input.note));
  }

  @Mutation(() => IncidentPayload, { description: 'Adds a note to the timeline, in any state.' })
  addIncidentNote(@Ctx() ctx: NetworkContext, @Arg('input', () => AddIncidentNoteInput) input: AddIncidentNoteInput) {
    return this.mutate(ctx, 'addIncidentNote', input, (em, id) => incidents.addIncidentNote(em, ctx.viewer, id, input.note));
  }

  private mutate(ctx: NetworkContext, operation: string, input: { tenantId?: string; incidentId: string }, change: (em: EntityManager, id: string) => Promise<Incident>) {
    const tenantId = writerTenant(ctx.viewer, input.tenantId);
    return runAuditedMutation(ctx, {
      service: 'network',
      operation,
      scope: tenantScope(tenantId),
      work: async (em) => {
        const incident = await change(em, expectGlobalId(input.incidentId, 'Incident', 'incidentId'));
        return { payload: { incident: IncidentType.from(incident) }, target: { type: 'Incident', id: incident.id, tenantId } };
      },
    });
  }
}
