import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { toGlobalId } from '@dotmac/kernel';
import type { BillingSettings } from './billing-settings.entity.js';

@ObjectType('BillingSettings', { description: "A tenant's billing defaults." })
export class BillingSettingsType {
  @Field(() => ID) tenantId: string;
  @Field({ description: 'ISO 4217 currency new billing accounts and plans default to.' }) currency: string;
  @Field(() => [String], { description: 'Tax jurisdictions a new billing account starts with.' }) defaultTaxJurisdictions: string[];
  @Field() invoicePrefix: string;
  @Field() creditNotePrefix: string;

  static from(row: BillingSettings): BillingSettingsType {
    return Object.assign(new BillingSettingsType(), {
      tenantId: toGlobalId('Tenant', row.tenantId),
      currency: row.currency,
      defaultTaxJurisdictions: row.defaultTaxJurisdictions,
      invoicePrefix: row.invoicePrefix,
      creditNotePrefix: row.creditNotePrefix,
    });
  }
}

@InputType()
export class UpdateBillingSettingsInput {
  @Field(() => ID, { nullable: true, description: 'Platform admins name the ISP.' }) tenantId?: string;
  @Field(() => String, { nullable: true, description: 'Only while the tenant has no invoices.' }) currency?: string;
  @Field(() => [String], { nullable: true }) defaultTaxJurisdictions?: string[];
  @Field(() => String, { nullable: true }) invoicePrefix?: string;
  @Field(() => String, { nullable: true }) creditNotePrefix?: string;
}
