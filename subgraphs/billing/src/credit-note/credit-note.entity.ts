import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { TenantFiltered, type LocalDate } from '@dotmac/kernel';
import { moneyColumn } from '../money/columns.js';

/** A correction of an issued invoice: reduces what is due without touching the invoice. */
@Entity({ tableName: 'credit_note' })
@TenantFiltered()
export class CreditNote {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId: string;

  @Property({ type: 'uuid' })
  invoiceId: string;

  @Property({ type: 'uuid' })
  subscriberId: string;

  @Property({ type: 'text' })
  number: string;

  @Property({ type: 'string', columnType: 'char(3)' })
  currency: string;

  @Property(moneyColumn())
  subtotalMinor: number;

  @Property(moneyColumn())
  taxMinor: number;

  @Property(moneyColumn())
  totalMinor: number;

  @Property({ type: 'text' })
  reason: string;

  @Property({ type: 'date' })
  issueDate: LocalDate;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
