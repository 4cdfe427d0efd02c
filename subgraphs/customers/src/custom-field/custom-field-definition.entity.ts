import { randomUUID } from 'node:crypto';
import { Entity, Enum, Filter, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { TENANT_FILTER } from '@dotmac/kernel';

export enum CustomFieldType {
  TEXT = 'text',
  NUMBER = 'number',
  BOOLEAN = 'boolean',
  DATE = 'date',
  SELECT = 'select',
}

/** A field an ISP adds to its subscribers. Key and type never change; archiving hides it. */
@Entity({ tableName: 'custom_field_definition' })
@Filter({ name: TENANT_FILTER, default: true, cond: (args: { tenantId?: string }) => (args?.tenantId ? { tenantId: args.tenantId } : {}) })
@Unique({ properties: ['tenantId', 'key'] })
export class CustomFieldDefinition {
  [OptionalProps]?: 'options' | 'required' | 'archivedAt' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId: string;

  @Property({ type: 'text' })
  key: string;

  @Property({ type: 'text' })
  label: string;

  @Enum({ items: () => CustomFieldType })
  type: CustomFieldType;

  /** The choices of a SELECT field; empty for the other types. */
  @Property({ type: 'json' })
  options: string[] = [];

  @Property({ type: 'boolean' })
  required: boolean = false;

  @Property({ type: 'datetime', nullable: true })
  archivedAt: Date | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
