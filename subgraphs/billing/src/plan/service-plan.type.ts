import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node, toGlobalId } from '@dotmac/kernel';
import { Money } from '../money/money.type.js';
import { BillingInterval } from '../schedule/billing-schedule.js';
import { PlanKind, PlanStatus, UsageAggregation, type ServicePlan } from './service-plan.entity.js';

registerEnumType(PlanKind, { name: 'PlanKind', description: 'RECURRING bills every interval; ONE_TIME bills once.' });
registerEnumType(PlanStatus, { name: 'ServicePlanStatus', description: 'ARCHIVED plans keep their subscriptions but take no new ones.' });
registerEnumType(BillingInterval, { name: 'BillingInterval' });
registerEnumType(UsageAggregation, {
  name: 'UsageAggregation',
  description: 'How a period\'s usage events become one quantity: COUNT of events, SUM or MAX of their quantities, UNIQUE_COUNT of their unique keys.',
});

@ObjectType('UsageTier', { description: 'One graduated tier: the quantity up to `upTo` (cumulative) is priced at `unitPrice`.' })
export class UsageTierType {
  @Field(() => String, { nullable: true, description: 'Cumulative upper bound in usage units (decimal); null on the last, open-ended tier.' })
  upTo: string | null;
  @Field({ description: 'Price per unit in MINOR units of the plan currency, decimal up to 6 places ("10" is 0.10 USD).' })
  unitPrice: string;
}

@ObjectType('UsagePricing', { description: 'How a plan charges metered usage, billed in arrears with graduated tiers.' })
export class UsagePricingType {
  @Field({ description: 'The metric of the usage events priced (e.g. "data_gb").' }) metric: string;
  @Field(() => UsageAggregation) aggregation: UsageAggregation;
  @Field(() => String, { nullable: true, description: 'Display unit (e.g. "GB").' }) unit?: string;
  @Field(() => [UsageTierType]) tiers: UsageTierType[];
}

@Directive('@key(fields: "id")')
@ObjectType('ServicePlan', { implements: Node, description: 'A service an ISP sells: price, interval, speeds, contract terms, usage pricing.' })
export class ServicePlanType extends Node {
  @Field(() => ID) declare id: string;
  @Field({ description: 'Unique within the ISP.' }) code: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) description?: string;
  @Field(() => PlanKind) kind: PlanKind;
  @Field(() => BillingInterval, { nullable: true, description: 'Null for one-time plans.' }) interval?: BillingInterval;
  @Field({ description: 'ISO 4217 code; a subscriber is billed in one currency.' }) currency: string;
  @Field(() => Money, { description: 'Per interval (or once), per unit of quantity.' }) price: Money;
  @Field(() => Money, { description: 'Charged on the first invoice of a subscription.' }) setupFee: Money;
  @Field(() => Int, { nullable: true }) downloadKbps?: number;
  @Field(() => Int, { nullable: true }) uploadKbps?: number;
  @Field(() => Int, { description: 'Minimum contract length; cancelling earlier needs an explicit override.' }) minContractMonths: number;
  @Field(() => PlanStatus) status: PlanStatus;
  @Field(() => UsagePricingType, { nullable: true }) usagePricing?: UsagePricingType;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;

  static from(row: ServicePlan): ServicePlanType {
    return Object.assign(new ServicePlanType(), {
      id: toGlobalId('ServicePlan', row.id),
      code: row.code,
      name: row.name,
      description: row.description ?? undefined,
      kind: row.kind,
      interval: row.interval ?? undefined,
      currency: row.currency,
      price: Money.of(row.priceMinor, row.currency),
      setupFee: Money.of(row.setupFeeMinor, row.currency),
      downloadKbps: row.downloadKbps ?? undefined,
      uploadKbps: row.uploadKbps ?? undefined,
      minContractMonths: row.minContractMonths,
      status: row.status,
      usagePricing: usagePricingOf(row),
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    });
  }
}

function usagePricingOf(row: ServicePlan): UsagePricingType | undefined {
  if (!row.usageMetric || !row.usageAggregation || !row.usageTiers) return undefined;
  return Object.assign(new UsagePricingType(), {
    metric: row.usageMetric,
    aggregation: row.usageAggregation,
    unit: row.usageUnit ?? undefined,
    tiers: row.usageTiers.map((tier) => Object.assign(new UsageTierType(), { upTo: tier.upTo, unitPrice: tier.unitPrice })),
  });
}
