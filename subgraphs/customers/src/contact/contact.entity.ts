import { randomUUID } from 'node:crypto';
import { Entity, Enum, Filter, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { TENANT_FILTER } from '@dotmac/kernel';

export enum ContactRole {
  PRIMARY = 'primary',
  BILLING = 'billing',
  TECHNICAL = 'technical',
  OTHER = 'other',
}

/** A person to reach about a subscriber's account. At most one per subscriber is PRIMARY. */
@Entity({ tableName: 'contact' })
@Filter({ name: TENANT_FILTER, default: true, cond: (args: { tenantId?: string }) => (args?.tenantId ? { tenantId: args.tenantId } : {}) })
@Index({ properties: ['subscriberId', 'createdAt', 'id'] })
export class Contact {
  [OptionalProps]?: 'email' | 'phone' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId: string;

  @Property({ type: 'uuid' })
  subscriberId: string;

  @Property({ type: 'text' })
  name: string;

  @Enum({ items: () => ContactRole })
  role: ContactRole;

  @Property({ type: 'text', nullable: true })
  email: string | null = null;

  @Property({ type: 'text', nullable: true })
  phone: string | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
