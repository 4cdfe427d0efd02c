import { ArrayType, Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** A tenant's billing defaults: its currency, where its subscribers pay tax, and numbering prefixes. */
@Entity({ tableName: 'billing_settings' })
export class BillingSettings {
  [OptionalProps]?: 'defaultTaxJurisdictions' | 'invoicePrefix' | 'creditNotePrefix' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  tenantId: string;

  @Property({ type: 'string', columnType: 'char(3)' })
  currency: string;

  @Property({ type: ArrayType })
  defaultTaxJurisdictions: string[] = [];

  @Property({ type: 'text' })
  invoicePrefix: string = 'INV-';

  @Property({ type: 'text' })
  creditNotePrefix: string = 'CN-';

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
