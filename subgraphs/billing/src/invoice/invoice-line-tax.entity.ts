import { randomUUID } from 'node:crypto';
import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { TenantFiltered } from '@dotmac/kernel';
import { moneyColumn } from '../money/columns.js';

/** One tax rate applied to one invoice line, rounded on its own. */
@Entity({ tableName: 'invoice_line_tax' })
@TenantFiltered()
export class InvoiceLineTax {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId: string;

  @Property({ type: 'uuid' })
  invoiceId: string;

  @Property({ type: 'uuid' })
  lineId: string;

  @Property({ type: 'uuid' })
  taxRateId: string;

  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'text' })
  jurisdiction: string;

  @Property({ type: 'decimal', columnType: 'numeric(8,4)' })
  rate: string;

  @Property(moneyColumn())
  amountMinor: number;
}
