import { randomUUID } from 'node:crypto';
import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { TenantFiltered } from '@dotmac/kernel';
import { moneyColumn } from '../money/columns.js';
import { BillingInterval } from '../schedule/billing-schedule.js';

export enum PlanKind {
  RECURRING = 'recurring',
  ONE_TIME = 'one_time',
}

export enum PlanStatus {
  ACTIVE = 'active',
  ARCHIVED = 'archived',
}

export enum UsageAggregation {
  COUNT = 'count',
  SUM = 'sum',
  MAX = 'max',
  UNIQUE_COUNT = 'unique_count',
}

/** One graduated usage tier as stored: decimal strings, `upTo` null on the last tier. */
export interface StoredUsageTier {
  upTo: string | null;
  /** Minor units per unit, decimal (e.g. "10" = 0.10 per GB in a two-digit currency). */
  unitPrice: string;
}

/** What an ISP sells: a recurring or one-time service with its price, speeds and contract terms. */
@Entity({ tableName: 'service_plan' })
@TenantFiltered()
export class ServicePlan {
  [OptionalProps]?: 'setupFeeMinor' | 'minContractMonths' | 'status' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId: string;

  @Property({ type: 'text' })
  code: string;

  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'text', nullable: true })
  description?: string;

  @Enum({ items: () => PlanKind })
  kind: PlanKind;

  @Enum({ items: () => BillingInterval, nullable: true })
  interval?: BillingInterval;

  @Property({ type: 'string', columnType: 'char(3)' })
  currency: string;

  @Property(moneyColumn())
  priceMinor: number;

  @Property(moneyColumn())
  setupFeeMinor: number = 0;

  @Property({ type: 'integer', nullable: true })
  downloadKbps?: number;

  @Property({ type: 'integer', nullable: true })
  uploadKbps?: number;

  @Property({ type: 'integer' })
  minContractMonths: number = 0;

  @Enum({ items: () => PlanStatus })
  status: PlanStatus = PlanStatus.ACTIVE;

  @Property({ type: 'text', nullable: true })
  usageMetric?: string;

  @Enum({ items: () => UsageAggregation, nullable: true })
  usageAggregation?: UsageAggregation;

  @Property({ type: 'text', nullable: true })
  usageUnit?: string;

  @Property({ type: 'json', nullable: true })
  usageTiers?: StoredUsageTier[];

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
