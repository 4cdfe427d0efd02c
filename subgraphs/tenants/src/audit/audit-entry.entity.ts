import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** One audited operation, from any subgraph (delivered through the `audit.recorded` event). */
@Entity({ tableName: 'audit_entry' })
@Index({ properties: ['tenantId', 'occurredAt'] })
export class AuditEntry {
  /** The id of the event that carried it: a redelivered event is stored once. */
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid', nullable: true })
  tenantId?: string;

  @Property({ type: 'text' })
  service: string;

  @Property({ type: 'text' })
  operation: string;

  @Property({ type: 'text' })
  actorKind: string;

  @Property({ type: 'uuid', nullable: true })
  actorId?: string;

  @Property({ type: 'text', nullable: true })
  targetType?: string;

  @Property({ type: 'uuid', nullable: true })
  targetId?: string;

  @Property({ type: 'text' })
  requestId: string;

  @Property({ type: 'text', nullable: true })
  clientIp?: string;

  @Property({ type: 'json', nullable: true })
  details?: Record<string, unknown>;

  @Property({ type: 'datetime' })
  occurredAt: Date;
}
