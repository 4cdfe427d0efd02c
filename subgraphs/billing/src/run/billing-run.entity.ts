import { randomUUID } from 'node:crypto';
import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { TenantFiltered, type LocalDate } from '@dotmac/kernel';

export enum BillingRunStatus {
  RUNNING = 'running',
  COMPLETED = 'completed',
  FAILED = 'failed',
}

export enum BillingRunTrigger {
  MANUAL = 'manual',
  SCHEDULER = 'scheduler',
}

/** One pass that issues every subscription invoice of a tenant due by `asOf`. */
@Entity({ tableName: 'billing_run' })
@TenantFiltered()
export class BillingRun {
  [OptionalProps]?: 'status' | 'invoicesIssued' | 'startedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId: string;

  @Property({ type: 'date' })
  asOf: LocalDate;

  @Enum({ items: () => BillingRunTrigger })
  trigger: BillingRunTrigger;

  @Enum({ items: () => BillingRunStatus })
  status: BillingRunStatus = BillingRunStatus.RUNNING;

  @Property({ type: 'integer' })
  invoicesIssued: number = 0;

  @Property({ type: 'datetime' })
  startedAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  finishedAt?: Date;

  @Property({ type: 'text', nullable: true })
  error?: string;
}
