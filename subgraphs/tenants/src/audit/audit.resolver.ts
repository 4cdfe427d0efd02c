import { Arg, Args, Ctx, Field, ID, InputType, ObjectType, Query, Resolver } from 'type-graphql';
import {
  AppError,
  connectionType,
  fromGlobalId,
  ConnectionArgs,
  expectGlobalId,
  isPlatformAdmin,
  Node,
  paginate,
  PLATFORM_SCOPE,
  requireRole,
  Role,
  SortDirection,
  tenantOf,
  tenantScope,
  toGlobalId,
} from '@dotmac/kernel';
import type { FilterQuery } from '@mikro-orm/core';
import type { TenantsContext } from '../context.js';
import { AuditEntry } from './audit-entry.entity.js';

@ObjectType('AuditEntry', { implements: Node, description: 'Who did what to which object, when.' })
export class AuditEntryType extends Node {
  @Field(() => ID) declare id: string;
  @Field(() => ID, { nullable: true }) tenantId?: string;
  @Field() service: string;
  @Field() operation: string;
  @Field() actorKind: string;
  @Field(() => ID, { nullable: true, description: 'Global id of the acting User or ApiKey.' }) actorId?: string;
  @Field(() => String, { nullable: true }) targetType?: string;
  @Field(() => ID, { nullable: true, description: 'Global id of the changed object.' }) targetId?: string;
  @Field() requestId: string;
  @Field(() => String, { nullable: true }) clientIp?: string;
  @Field(() => String, { nullable: true, description: 'Extra facts, as JSON.' }) details?: string;
  @Field() occurredAt: Date;

  static from(entry: AuditEntry): AuditEntryType {
    const actorType = entry.actorKind === 'api_key' ? 'ApiKey' : 'User';
    return Object.assign(new AuditEntryType(), {
      id: toGlobalId('AuditEntry', entry.id),
      tenantId: entry.tenantId ? toGlobalId('Tenant', entry.tenantId) : undefined,
      service: entry.service,
      operation: entry.operation,
      actorKind: entry.actorKind,
      actorId: entry.actorId ? toGlobalId(actorType, entry.actorId) : undefined,
      targetType: entry.targetType,
      targetId: entry.targetId && entry.targetType ? toGlobalId(entry.targetType, entry.targetId) : undefined,
      requestId: entry.requestId,
      clientIp: entry.clientIp,
      details: entry.details ? JSON.stringify(entry.details) : undefined,
      occurredAt: entry.occurredAt,
    });
  }
}

const AuditEntryConnection = connectionType(AuditEntryType, 'AuditEntry');

@InputType()
class AuditFilter {
  @Field(() => ID, { nullable: true, description: 'Platform admins: one tenant; omitted, the whole platform.' }) tenantId?: string;
  @Field(() => String, { nullable: true }) operation?: string;
  @Field(() => String, { nullable: true }) service?: string;
  @Field(() => ID, { nullable: true, description: 'Global id of the acting user or key.' }) actorId?: string;
  @Field(() => Date, { nullable: true }) from?: Date;
  @Field(() => Date, { nullable: true }) to?: Date;
}

@Resolver(() => AuditEntryType)
export class AuditResolver {
  @Query(() => AuditEntryConnection, { description: 'The audit log, newest first. Tenant admins see their tenant; platform admins all.' })
  auditLog(
    @Ctx() ctx: TenantsContext,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => AuditFilter, { nullable: true }) filter?: AuditFilter,
  ) {
    requireRole(ctx.viewer, Role.TENANT_ADMIN);
    const named = filter?.tenantId ? expectGlobalId(filter.tenantId, 'Tenant', 'filter.tenantId') : undefined;
    const where: FilterQuery<AuditEntry> & Record<string, unknown> = {};
    let scope = PLATFORM_SCOPE;
    if (!isPlatformAdmin(ctx.viewer) || named) {
      const tenantId = isPlatformAdmin(ctx.viewer) ? named! : tenantOf(ctx.viewer, named);
      where.tenantId = tenantId;
      scope = tenantScope(tenantId);
    }
    if (filter?.operation) where.operation = filter.operation;
    if (filter?.service) where.service = filter.service;
    if (filter?.actorId) {
      const actor = fromGlobalId(filter.actorId, 'filter.actorId');
      if (actor.type !== 'User' && actor.type !== 'ApiKey') throw AppError.badInput('Expected a User or ApiKey id', 'filter.actorId');
      where.actorId = actor.id;
    }
    if (filter?.from || filter?.to) where.occurredAt = { ...(filter.from && { $gte: filter.from }), ...(filter.to && { $lt: filter.to }) };
    return ctx.db.run(scope, (em) =>
      paginate(em, AuditEntry, { where, sortField: 'occurredAt', sortDirection: SortDirection.DESC, args: page }, AuditEntryType.from),
    );
  }
}
