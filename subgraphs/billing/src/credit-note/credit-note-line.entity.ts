import { randomUUID } from 'node:crypto';
import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { TenantFiltered } from '@dotmac/kernel';
import { moneyColumn } from '../money/columns.js';

/** The part of one invoice line a credit note gives back (net amount and its taxes). */
@Entity({ tableName: 'credit_note_line' })
@TenantFiltered()
export class CreditNoteLine {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId: string;

  @Property({ type: 'uuid' })
  creditNoteId: string;

  @Property({ type: 'uuid' })
  invoiceLineId: string;

  @Property({ type: 'text' })
  description: string;

  @Property(moneyColumn())
  amountMinor: number;

  @Property(moneyColumn())
  taxMinor: number;
}
