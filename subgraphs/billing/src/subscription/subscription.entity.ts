import { randomUUID } from 'node:crypto';
import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { TenantFiltered, type LocalDate } from '@dotmac/kernel';
import { moneyColumn } from '../money/columns.js';
import { BillingDayMode } from '../schedule/billing-schedule.js';

export enum SubscriptionStatus {
  ACTIVE = 'active',
  CANCELLED = 'cancelled',
  /** A one-time plan that has been billed, or a subscription past its end date. */
  ENDED = 'ended',
}

/** A subscriber's subscription to a plan, with the schedule its periods are billed on. */
@Entity({ tableName: 'subscription' })
@TenantFiltered()
export class Subscription {
  [OptionalProps]?: 'status' | 'quantity' | 'setupFeeBilled' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId: string;

  @Property({ type: 'uuid' })
  subscriberId: string;

  @Property({ type: 'uuid' })
  planId: string;

  @Enum({ items: () => SubscriptionStatus })
  status: SubscriptionStatus = SubscriptionStatus.ACTIVE;

  @Property({ type: 'integer' })
  quantity: number = 1;

  @Property(moneyColumn({ nullable: true }))
  priceOverrideMinor?: number;

  @Property({ type: 'date' })
  startDate: LocalDate;

  /** Last day of service (inclusive), when it ends. */
  @Property({ type: 'date', nullable: true })
  endDate?: LocalDate;

  @Enum({ items: () => BillingDayMode })
  billingDayMode: BillingDayMode;

  @Property({ type: 'integer' })
  billingDay: number;

  @Property({ type: 'date' })
  anchorDate: LocalDate;

  /** The first period not yet billed (see schedule `periodAt`). */
  @Property({ type: 'integer' })
  nextPeriodIndex: number;

  /** Start of the first period not yet billed; null once nothing is left to bill. */
  @Property({ type: 'date', nullable: true })
  nextBillDate?: LocalDate;

  @Property({ type: 'date', nullable: true })
  contractEndDate?: LocalDate;

  @Property({ type: 'boolean' })
  setupFeeBilled: boolean = false;

  @Property({ type: 'datetime', nullable: true })
  cancelledAt?: Date;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
