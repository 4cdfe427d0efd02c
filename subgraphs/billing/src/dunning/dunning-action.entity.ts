import { randomUUID } from 'node:crypto';
import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { TenantFiltered } from '@dotmac/kernel';
import { DunningAction } from './dunning-policy.entity.js';

/** One executed dunning step of one invoice; the unique (invoice, step) makes each step happen once. */
@Entity({ tableName: 'dunning_action' })
@TenantFiltered()
export class DunningActionRecord {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId: string;

  @Property({ type: 'uuid' })
  invoiceId: string;

  @Property({ type: 'uuid' })
  subscriberId: string;

  @Property({ type: 'integer' })
  stepIndex: number;

  @Enum({ items: () => DunningAction })
  action: DunningAction;

  @Property({ type: 'datetime' })
  executedAt: Date = new Date();
}
