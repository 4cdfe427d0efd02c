import { randomUUID } from 'node:crypto';
import { Entity, Enum, Filter, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { TENANT_FILTER } from '@dotmac/kernel';

export enum SubscriberType {
  RESIDENTIAL = 'residential',
  BUSINESS = 'business',
  ENTERPRISE = 'enterprise',
}

export enum SubscriberStatus {
  LEAD = 'lead',
  ACTIVE = 'active',
  SUSPENDED = 'suspended',
  DELINQUENT = 'delinquent',
  CANCELLED = 'cancelled',
}

/** An ISP's customer. Row-level security keeps each ISP's subscribers to itself. */
@Entity({ tableName: 'subscriber' })
@Filter({ name: TENANT_FILTER, default: true, cond: (args: { tenantId?: string }) => (args?.tenantId ? { tenantId: args.tenantId } : {}) })
@Unique({ properties: ['tenantId', 'accountNumber'] })
@Index({ properties: ['tenantId', 'name'] })
export class Subscriber {
  [OptionalProps]?: 'type' | 'status' | 'statusBeforeDelinquency' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId: string;

  @Property({ type: 'text' })
  accountNumber: string;

  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'text', nullable: true })
  email?: string | null;

  @Property({ type: 'text', nullable: true })
  phone?: string | null;

  @Enum({ items: () => SubscriberType })
  type: SubscriberType = SubscriberType.RESIDENTIAL;

  @Enum({ items: () => SubscriberStatus })
  status: SubscriberStatus = SubscriberStatus.LEAD;

  /** While delinquent: the status billing's restoration returns to. Null otherwise. */
  @Enum({ items: () => SubscriberStatus, nullable: true })
  statusBeforeDelinquency: SubscriberStatus | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
