import { randomUUID } from 'node:crypto';
import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { TenantFiltered } from '@dotmac/kernel';
import { moneyColumn } from '../money/columns.js';

export enum AllocationReason {
  /** Allocated when the payment was recorded. */
  PAYMENT = 'payment',
  /** Earlier credit (overpayment) applied to a newly issued invoice. */
  CREDIT_APPLIED = 'credit_applied',
  /** Negative: a credit note gave part of a paid invoice back to the payment as credit. */
  CREDIT_NOTE_RELEASE = 'credit_note_release',
}

/** Part of a payment applied to an invoice (negative when released back). Append-only. */
@Entity({ tableName: 'payment_allocation' })
@TenantFiltered()
export class PaymentAllocation {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId: string;

  @Property({ type: 'uuid' })
  paymentId: string;

  @Property({ type: 'uuid' })
  invoiceId: string;

  @Property(moneyColumn())
  amountMinor: number;

  @Enum({ items: () => AllocationReason })
  reason: AllocationReason;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
