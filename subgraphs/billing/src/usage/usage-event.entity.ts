import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { TenantFiltered } from '@dotmac/kernel';

/** One metered usage event; its `eventId` is unique per tenant, so a retried event counts once. */
@Entity({ tableName: 'usage_event' })
@TenantFiltered()
export class UsageEvent {
  [OptionalProps]?: 'receivedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId: string;

  @Property({ type: 'text' })
  eventId: string;

  @Property({ type: 'uuid' })
  subscriberId: string;

  @Property({ type: 'text' })
  metric: string;

  /** Decimal text (up to six places). */
  @Property({ type: 'decimal', columnType: 'numeric(20,6)' })
  quantity: string;

  /** What `unique_count` counts distinct values of (e.g. a device MAC). */
  @Property({ type: 'text', nullable: true })
  uniqueKey?: string;

  @Property({ type: 'datetime' })
  occurredAt: Date;

  @Property({ type: 'datetime' })
  receivedAt: Date = new Date();
}
