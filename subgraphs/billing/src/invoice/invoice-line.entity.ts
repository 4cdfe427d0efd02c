import { randomUUID } from 'node:crypto';
import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { TenantFiltered, type LocalDate } from '@dotmac/kernel';
import { moneyColumn } from '../money/columns.js';

export enum InvoiceLineKind {
  PLAN = 'plan',
  SETUP_FEE = 'setup_fee',
  PRORATION = 'proration',
  USAGE = 'usage',
  ONE_TIME = 'one_time',
  MANUAL = 'manual',
}

/** One line of an invoice; its amount is already rounded (HALF_UP) to a minor unit. */
@Entity({ tableName: 'invoice_line' })
@TenantFiltered()
export class InvoiceLine {
  [OptionalProps]?: 'quantity' | 'unitPriceMinor' | 'taxMinor';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId: string;

  @Property({ type: 'uuid' })
  invoiceId: string;

  @Property({ type: 'integer' })
  position: number;

  @Enum({ items: () => InvoiceLineKind })
  kind: InvoiceLineKind;

  @Property({ type: 'text' })
  description: string;

  /** Decimal text (up to six places). */
  @Property({ type: 'decimal', columnType: 'numeric(20,6)' })
  quantity: string = '1';

  /** Minor units per unit, decimal text. */
  @Property({ type: 'decimal', columnType: 'numeric(24,6)' })
  unitPriceMinor: string = '0';

  @Property(moneyColumn())
  amountMinor: number;

  @Property(moneyColumn())
  taxMinor: number = 0;

  @Property({ type: 'date', nullable: true })
  periodStart?: LocalDate;

  @Property({ type: 'date', nullable: true })
  periodEnd?: LocalDate;

  @Property({ type: 'uuid', nullable: true })
  planId?: string;
}
