import { randomUUID } from 'node:crypto';
import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { TenantFiltered } from '@dotmac/kernel';
import { registerEnumType } from 'type-graphql';

export enum AssigneeType {
  DEVICE = 'device',
  INTERFACE = 'interface',
  SUBSCRIBER = 'subscriber',
}
registerEnumType(AssigneeType, { name: 'IpAssigneeType' });

/**
 * One address given to a device, an interface or a subscriber, from `allocatedAt` until
 * `releasedAt`. Rows are never deleted: together they are the address's history.
 */
@Entity({ tableName: 'ip_allocation' })
@TenantFiltered()
export class IpAllocation {
  [OptionalProps]?: 'allocatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId: string;

  @Property({ type: 'uuid' })
  poolId: string;

  @Property({ type: 'string', columnType: 'inet' })
  address: string;

  @Enum({ items: () => AssigneeType })
  assigneeType: AssigneeType;

  @Property({ type: 'uuid' })
  assigneeId: string;

  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Property({ type: 'text', nullable: true })
  idempotencyKey?: string | null;

  @Property({ type: 'datetime' })
  allocatedAt: Date = new Date();

  /** Who allocated it: a user or API key id. */
  @Property({ type: 'text', nullable: true })
  allocatedBy?: string | null;

  @Property({ type: 'datetime', nullable: true })
  releasedAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  releasedBy?: string | null;
}
