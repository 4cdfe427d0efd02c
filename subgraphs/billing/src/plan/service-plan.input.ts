import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { SortDirection } from '@dotmac/kernel';
import { BillingInterval } from '../schedule/billing-schedule.js';
import { PlanKind, PlanStatus, UsageAggregation } from './service-plan.entity.js';

@InputType()
export class UsageTierInput {
  @Field(() => String, { nullable: true, description: 'Cumulative upper bound in usage units (decimal, up to 6 places); omit on the last tier, which is open-ended.' })
  upTo?: string | null;
  @Field({ description: 'Price per unit in MINOR units, decimal up to 6 places ("10" is 0.10 USD per unit).' })
  unitPrice: string;
}

@InputType()
export class UsagePricingInput {
  @Field({ description: 'Lower-case metric name of the usage events priced, e.g. "data_gb".' }) metric: string;
  @Field(() => UsageAggregation) aggregation: UsageAggregation;
  @Field(() => String, { nullable: true }) unit?: string;
  @Field(() => [UsageTierInput], { description: 'Upper bounds strictly increasing; only the last tier is open-ended.' }) tiers: UsageTierInput[];
}

@InputType()
export class CreateServicePlanInput {
  @Field(() => ID, { nullable: true, description: 'Platform admins name the ISP.' }) tenantId?: string;
  @Field({ description: 'Unique within the ISP: letters, digits, ".", "_" or "-".' }) code: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) description?: string;
  @Field(() => PlanKind) kind: PlanKind;
  @Field(() => BillingInterval, { nullable: true, description: 'Required for RECURRING plans, absent for ONE_TIME.' }) interval?: BillingInterval;
  @Field(() => String, { nullable: true, description: "ISO 4217; the ISP's billing currency by default." }) currency?: string;
  @Field(() => Int, { description: 'Minor units, zero or more.' }) price: number;
  @Field(() => Int, { nullable: true, description: 'Minor units.' }) setupFee?: number;
  @Field(() => Int, { nullable: true }) downloadKbps?: number;
  @Field(() => Int, { nullable: true }) uploadKbps?: number;
  @Field(() => Int, { nullable: true, description: '0–120; 0 (default) means no minimum.' }) minContractMonths?: number;
  @Field(() => UsagePricingInput, { nullable: true, description: 'Recurring plans only.' }) usagePricing?: UsagePricingInput;
}

@InputType({ description: 'Omitted fields stay as they are; null clears description and speeds.' })
export class UpdateServicePlanInput {
  @Field(() => ID, { nullable: true, description: 'Platform admins name the ISP.' }) tenantId?: string;
  @Field(() => ID) planId: string;
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => Int, { nullable: true, description: 'Minor units; applies to periods billed from now on, never to issued invoices.' }) price?: number;
  @Field(() => Int, { nullable: true }) setupFee?: number;
  @Field(() => String, { nullable: true, description: 'Only while the plan has no subscriptions.' }) currency?: string;
  @Field(() => Int, { nullable: true }) downloadKbps?: number | null;
  @Field(() => Int, { nullable: true }) uploadKbps?: number | null;
  @Field(() => Int, { nullable: true, description: 'Applies to subscriptions created from now on.' }) minContractMonths?: number;
}

@InputType()
export class ServicePlanIdInput {
  @Field(() => ID, { nullable: true, description: 'Platform admins name the ISP.' }) tenantId?: string;
  @Field(() => ID) planId: string;
}

@InputType()
export class ServicePlanFilter {
  @Field(() => [PlanStatus], { nullable: true }) status?: PlanStatus[];
  @Field(() => [PlanKind], { nullable: true }) kind?: PlanKind[];
  @Field(() => String, { nullable: true, description: 'Case-insensitive match on code, name or description.' }) search?: string;
}

export enum ServicePlanOrderField {
  NAME = 'name',
  CODE = 'code',
  PRICE = 'priceMinor',
  CREATED_AT = 'createdAt',
}
registerEnumType(ServicePlanOrderField, { name: 'ServicePlanOrderField' });

@InputType()
export class ServicePlanOrder {
  @Field(() => ServicePlanOrderField) field: ServicePlanOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC }) direction: SortDirection;
}
