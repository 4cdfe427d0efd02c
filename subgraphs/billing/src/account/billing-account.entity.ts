import { ArrayType, Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { TenantFiltered } from '@dotmac/kernel';

/**
 * Billing's view of one subscriber (owned by the customers subgraph): the one currency it is billed
 * in, where it pays tax and which taxes it is exempt from, and whether dunning has suspended it.
 */
@Entity({ tableName: 'billing_account' })
@TenantFiltered()
export class BillingAccount {
  [OptionalProps]?: 'taxJurisdictions' | 'taxExemptJurisdictions' | 'delinquent' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  subscriberId: string;

  @Property({ type: 'uuid' })
  tenantId: string;

  @Property({ type: 'string', columnType: 'char(3)' })
  currency: string;

  @Property({ type: ArrayType })
  taxJurisdictions: string[] = [];

  /** Jurisdictions whose taxes this subscriber does not pay ("*" for all). */
  @Property({ type: ArrayType })
  taxExemptJurisdictions: string[] = [];

  @Property({ type: 'text', nullable: true })
  taxExemptionReference?: string;

  @Property({ type: 'boolean' })
  delinquent: boolean = false;

  @Property({ type: 'datetime', nullable: true })
  delinquentSince?: Date;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
