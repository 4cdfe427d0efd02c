import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { LocalDateScalar, SortDirection, type LocalDate } from '@dotmac/kernel';
import { BillingDayMode } from '../schedule/billing-schedule.js';
import { SubscriptionStatus } from './subscription.entity.js';

@InputType()
export class CreateSubscriptionInput {
  @Field(() => ID, { nullable: true, description: 'Platform admins name the ISP.' }) tenantId?: string;
  @Field(() => ID, { description: 'Global id of the Subscriber.' }) subscriberId: string;
  @Field(() => ID) planId: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'First day of service; today (UTC) by default.' }) startDate?: LocalDate;
  @Field(() => BillingDayMode, { nullable: true, description: 'ANNIVERSARY (default) bills on the start day; FIXED_DAY on `billingDay`.' })
  billingDayMode?: BillingDayMode;
  @Field(() => Int, { nullable: true, description: '1–31, required for FIXED_DAY; the 29th–31st fall on the last day of shorter months.' })
  billingDay?: number;
  @Field(() => Int, { nullable: true, description: '1–10000; 1 by default.' }) quantity?: number;
  @Field(() => Int, { nullable: true, description: "Minor units per unit of quantity, instead of the plan's price." }) priceOverride?: number;
}

@InputType()
export class CancelSubscriptionInput {
  @Field(() => ID, { nullable: true, description: 'Platform admins name the ISP.' }) tenantId?: string;
  @Field(() => ID) subscriptionId: string;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'First day without service (not in the past); the end of the current period by default. The last day of service is the day before.',
  })
  effectiveDate?: LocalDate;
  @Field({ defaultValue: false, description: 'Allow ending before the minimum contract is served.' }) overrideContract: boolean;
}

@InputType()
export class SubscriptionFilter {
  @Field(() => ID, { nullable: true }) subscriberId?: string;
  @Field(() => ID, { nullable: true }) planId?: string;
  @Field(() => [SubscriptionStatus], { nullable: true }) status?: SubscriptionStatus[];
}

export enum SubscriptionOrderField {
  START_DATE = 'startDate',
  CREATED_AT = 'createdAt',
}
registerEnumType(SubscriptionOrderField, { name: 'SubscriptionOrderField' });

@InputType()
export class SubscriptionOrder {
  @Field(() => SubscriptionOrderField) field: SubscriptionOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC }) direction: SortDirection;
}

@InputType()
export class ChangeSubscriptionPlanInput {
  @Field(() => ID, { nullable: true, description: 'Platform admins name the ISP.' }) tenantId?: string;
  @Field(() => ID) subscriptionId: string;
  @Field(() => ID, { description: 'An active plan of the same currency and billing interval.' }) planId: string;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'First day on the new plan: within the period already billed (credited and charged by actual days) or on the next billing date; today by default.',
  })
  effectiveDate?: LocalDate;
}
