import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { TenantFiltered, type LocalDate } from '@dotmac/kernel';

/** A tax rate of one jurisdiction over a span of dates; several stack on one line. */
@Entity({ tableName: 'tax_rate' })
@TenantFiltered()
export class TaxRate {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId: string;

  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'text' })
  jurisdiction: string;

  /** Percent, up to four decimals, as text ("7.25"). */
  @Property({ type: 'decimal', columnType: 'numeric(8,4)' })
  rate: string;

  @Property({ type: 'date' })
  effectiveFrom: LocalDate;

  /** Last day the rate applies (inclusive); open-ended when null. */
  @Property({ type: 'date', nullable: true })
  effectiveTo?: LocalDate;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
