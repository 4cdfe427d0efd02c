import { randomUUID } from 'node:crypto';
import { Entity, Filter, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { TENANT_FILTER } from '@dotmac/kernel';

/** One subscriber's value of one custom field, in its canonical text form. */
@Entity({ tableName: 'custom_field_value' })
@Filter({ name: TENANT_FILTER, default: true, cond: (args: { tenantId?: string }) => (args?.tenantId ? { tenantId: args.tenantId } : {}) })
@Unique({ properties: ['subscriberId', 'definitionId'] })
export class CustomFieldValue {
  [OptionalProps]?: 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId: string;

  @Property({ type: 'uuid' })
  subscriberId: string;

  @Property({ type: 'uuid' })
  definitionId: string;

  @Property({ type: 'text' })
  value: string;

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
