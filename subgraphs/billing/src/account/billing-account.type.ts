import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { toGlobalId } from '@dotmac/kernel';
import { SubscriberStub } from '../subscriber/subscriber.stub.js';
import type { BillingAccount } from './billing-account.entity.js';

@ObjectType('BillingAccount', { description: "Billing's view of one subscriber: its currency, where it pays tax, its exemptions, its standing." })
export class BillingAccountType {
  @Field(() => SubscriberStub) subscriber: SubscriberStub;
  @Field({ description: 'The one currency this subscriber is billed in.' }) currency: string;
  @Field(() => [String], { description: 'Jurisdictions whose rates apply to this subscriber.' }) taxJurisdictions: string[];
  @Field(() => [String], { description: 'Jurisdictions this subscriber is exempt from; "*" exempts from every tax.' }) taxExemptJurisdictions: string[];
  @Field(() => String, { nullable: true, description: 'Exemption certificate or reference on file.' }) taxExemptionReference?: string;
  @Field() delinquent: boolean;
  @Field(() => Date, { nullable: true }) delinquentSince?: Date;

  static from(row: BillingAccount): BillingAccountType {
    return Object.assign(new BillingAccountType(), {
      subscriber: Object.assign(new SubscriberStub(), { id: toGlobalId('Subscriber', row.subscriberId) }),
      currency: row.currency,
      taxJurisdictions: row.taxJurisdictions,
      taxExemptJurisdictions: row.taxExemptJurisdictions,
      taxExemptionReference: row.taxExemptionReference ?? undefined,
      delinquent: row.delinquent,
      delinquentSince: row.delinquentSince ?? undefined,
    });
  }
}

@InputType({ description: 'Omitted fields stay as they are; an empty list clears.' })
export class UpdateBillingAccountInput {
  @Field(() => ID, { nullable: true, description: 'Platform admins name the ISP.' }) tenantId?: string;
  @Field(() => ID) subscriberId: string;
  @Field(() => [String], { nullable: true }) taxJurisdictions?: string[];
  @Field(() => [String], { nullable: true, description: 'Jurisdiction codes, or ["*"] for every tax.' }) taxExemptJurisdictions?: string[];
  @Field(() => String, { nullable: true, description: 'Empty or null clears it.' }) taxExemptionReference?: string | null;
}
