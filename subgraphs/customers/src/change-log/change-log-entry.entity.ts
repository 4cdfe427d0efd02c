import { randomUUID } from 'node:crypto';
import { Entity, Enum, Filter, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { TENANT_FILTER } from '@dotmac/kernel';

/** What happened to a subscriber. */
export enum ChangeAction {
  CREATED = 'created',
  IMPORTED = 'imported',
  UPDATED = 'updated',
  STATUS_CHANGED = 'status_changed',
  CONTACT_ADDED = 'contact_added',
  CONTACT_UPDATED = 'contact_updated',
  CONTACT_REMOVED = 'contact_removed',
  ADDRESS_ADDED = 'address_added',
  ADDRESS_UPDATED = 'address_updated',
  ADDRESS_REMOVED = 'address_removed',
  CUSTOM_FIELDS_CHANGED = 'custom_fields_changed',
}

/** One field's value before and after a change, as text (null: no value). */
export interface FieldChange {
  field: string;
  oldValue: string | null;
  newValue: string | null;
}

/** One change to a subscriber or its details: who, when, what. Rows are never updated. */
@Entity({ tableName: 'subscriber_change' })
@Filter({ name: TENANT_FILTER, default: true, cond: (args: { tenantId?: string }) => (args?.tenantId ? { tenantId: args.tenantId } : {}) })
@Index({ properties: ['subscriberId', 'occurredAt', 'id'] })
export class ChangeLogEntry {
  [OptionalProps]?: 'actorId' | 'changes' | 'subjectId' | 'reason' | 'requestId' | 'occurredAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId: string;

  @Property({ type: 'uuid' })
  subscriberId: string;

  @Enum({ items: () => ChangeAction })
  action: ChangeAction;

  /** Viewer kind: user, api_key or system. */
  @Property({ type: 'text' })
  actorKind: string;

  @Property({ type: 'text', nullable: true })
  actorId: string | null = null;

  @Property({ type: 'json' })
  changes: FieldChange[] = [];

  /** Global id of the contact, address or field definition the change was about, if any. */
  @Property({ type: 'text', nullable: true })
  subjectId: string | null = null;

  @Property({ type: 'text', nullable: true })
  reason: string | null = null;

  @Property({ type: 'text', nullable: true })
  requestId: string | null = null;

  @Property({ type: 'datetime' })
  occurredAt: Date = new Date();
}
