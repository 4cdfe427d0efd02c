import { randomUUID } from 'node:crypto';
import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { TenantFiltered, type LocalDate } from '@dotmac/kernel';
import { moneyColumn } from '../money/columns.js';

export enum InvoiceStatus {
  DRAFT = 'draft',
  ISSUED = 'issued',
  PARTIALLY_PAID = 'partially_paid',
  PAID = 'paid',
  OVERDUE = 'overdue',
  VOID = 'void',
}

export enum InvoiceKind {
  /** One period of a subscription, issued by a billing run. */
  SUBSCRIPTION = 'subscription',
  /** Written by staff. */
  MANUAL = 'manual',
  /** The new plan's part of a mid-period plan change. */
  ADJUSTMENT = 'adjustment',
}

/** Statuses of an issued invoice with money still due. */
export const OPEN_STATUSES: readonly InvoiceStatus[] = [InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID, InvoiceStatus.OVERDUE];

/**
 * A bill to a subscriber. Drafts change freely; issuing assigns the next number of the tenant and
 * freezes amounts and lines (the database refuses later changes); corrections are credit notes.
 */
@Entity({ tableName: 'invoice' })
@TenantFiltered()
export class Invoice {
  [OptionalProps]?: 'status' | 'subtotalMinor' | 'taxMinor' | 'totalMinor' | 'creditedMinor' | 'paidMinor' | 'createdAt' | 'balanceDueMinor';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId: string;

  @Property({ type: 'uuid' })
  subscriberId: string;

  @Property({ type: 'uuid', nullable: true })
  subscriptionId?: string;

  @Enum({ items: () => InvoiceKind })
  kind: InvoiceKind;

  @Property({ type: 'date', nullable: true })
  periodStart?: LocalDate;

  /** First day after the billed period. */
  @Property({ type: 'date', nullable: true })
  periodEnd?: LocalDate;

  @Property({ type: 'text', nullable: true })
  number?: string;

  @Enum({ items: () => InvoiceStatus })
  status: InvoiceStatus = InvoiceStatus.DRAFT;

  @Property({ type: 'string', columnType: 'char(3)' })
  currency: string;

  @Property({ type: 'date', nullable: true })
  issueDate?: LocalDate;

  @Property({ type: 'date', nullable: true })
  dueDate?: LocalDate;

  @Property(moneyColumn())
  subtotalMinor: number = 0;

  @Property(moneyColumn())
  taxMinor: number = 0;

  @Property(moneyColumn())
  totalMinor: number = 0;

  @Property(moneyColumn())
  creditedMinor: number = 0;

  @Property(moneyColumn())
  paidMinor: number = 0;

  @Property({ type: 'text', nullable: true })
  memo?: string;

  @Property({ type: 'uuid', nullable: true })
  billingRunId?: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  issuedAt?: Date;

  @Property({ type: 'datetime', nullable: true })
  voidedAt?: Date;

  @Property({ type: 'text', nullable: true })
  voidReason?: string;

  /** What is still owed: total less credit notes and payments. */
  get balanceDueMinor(): number {
    return this.status === InvoiceStatus.VOID ? 0 : this.totalMinor - this.creditedMinor - this.paidMinor;
  }
}
