import { randomUUID } from 'node:crypto';
import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { TenantFiltered } from '@dotmac/kernel';
import { moneyColumn } from '../money/columns.js';

export enum PaymentMethod {
  CARD = 'card',
  BANK_TRANSFER = 'bank_transfer',
  DIRECT_DEBIT = 'direct_debit',
  CASH = 'cash',
  CHECK = 'check',
  OTHER = 'other',
}

/** Money received from a subscriber. What is not allocated to invoices is the subscriber's credit. */
@Entity({ tableName: 'payment' })
@TenantFiltered()
export class Payment {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId: string;

  @Property({ type: 'uuid' })
  subscriberId: string;

  @Property(moneyColumn())
  amountMinor: number;

  @Property({ type: 'string', columnType: 'char(3)' })
  currency: string;

  @Enum({ items: () => PaymentMethod })
  method: PaymentMethod;

  @Property({ type: 'text', nullable: true })
  processor?: string;

  /** The processor's id of the payment: a retry with the same id is recognised, never booked twice. */
  @Property({ type: 'text', nullable: true })
  processorPaymentId?: string;

  @Property(moneyColumn())
  unallocatedMinor: number;

  @Property({ type: 'datetime' })
  receivedAt: Date;

  @Property({ type: 'text', nullable: true })
  memo?: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
