import { randomUUID } from 'node:crypto';
import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { TenantFiltered } from '@dotmac/kernel';
import { IncidentEventKind } from './alerting-enums.js';

/** One entry of an incident's timeline; rows are only ever added (a trigger refuses changes). */
@Entity({ tableName: 'incident_event' })
@TenantFiltered()
export class IncidentEvent {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Order of writing: the timeline's order, whatever times the entries carry. */
  @Property({ type: 'bigint', nullable: true })
  seq?: string;

  @Property({ type: 'uuid' })
  tenantId: string;

  @Property({ type: 'uuid' })
  incidentId: string;

  @Enum({ items: () => IncidentEventKind })
  kind: IncidentEventKind;

  @Property({ type: 'datetime' })
  at: Date;

  @Property({ type: 'text', nullable: true })
  actorKind?: string | null;

  @Property({ type: 'text', nullable: true })
  actorId?: string | null;

  @Property({ type: 'text', nullable: true })
  message?: string | null;

  /** The upstream device that was down (suppression entries). */
  @Property({ type: 'uuid', nullable: true })
  causeDeviceId?: string | null;

  @Property({ type: 'json', nullable: true })
  details?: Record<string, unknown> | null;
}
