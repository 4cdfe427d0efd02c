import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateScalar, Node, toGlobalId, type LocalDate } from '@dotmac/kernel';
import { BillingDayMode, type Period } from '../schedule/billing-schedule.js';
import { SubscriberStub } from '../subscriber/subscriber.stub.js';
import { SubscriptionStatus, type Subscription } from './subscription.entity.js';

registerEnumType(SubscriptionStatus, {
  name: 'SubscriptionStatus',
  description: 'ACTIVE bills; CANCELLED bills what is left up to its end date; ENDED has nothing left to bill.',
});
registerEnumType(BillingDayMode, { name: 'BillingDayMode' });

@ObjectType('BillingPeriod', { description: 'A span of days billed together; `end` is the first day after it.' })
export class BillingPeriodType {
  @Field(() => LocalDateScalar) start: LocalDate;
  @Field(() => LocalDateScalar, { description: 'First day after the period (exclusive).' }) end: LocalDate;
  @Field(() => Int) days: number;

  static from(period: Period): BillingPeriodType {
    return Object.assign(new BillingPeriodType(), { start: period.start, end: period.end, days: period.days });
  }
}

/**
 * GraphQL name ServiceSubscription: composition takes any type named `Subscription` for the root of
 * GraphQL subscriptions. Its global ids keep the tag 'Subscription'.
 */
@Directive('@key(fields: "id")')
@ObjectType('ServiceSubscription', { implements: Node, description: "A subscriber's subscription to a service plan and the schedule it is billed on." })
export class SubscriptionType extends Node {
  @Field(() => ID) declare id: string;
  @Field(() => SubscriberStub) subscriber: SubscriberStub;
  @Field(() => SubscriptionStatus) status: SubscriptionStatus;
  @Field(() => Int) quantity: number;
  @Field(() => LocalDateScalar) startDate: LocalDate;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day of service (inclusive), once cancelled.' }) endDate?: LocalDate;
  @Field(() => BillingDayMode) billingDayMode: BillingDayMode;
  @Field(() => Int, { description: 'Day of month periods start on (the last day of shorter months).' }) billingDay: number;
  @Field(() => LocalDateScalar, { description: 'Start of the first full period.' }) anchorDate: LocalDate;
  @Field(() => LocalDateScalar, { nullable: true, description: 'When the next period is invoiced; null when nothing is left to bill.' }) nextBillDate?: LocalDate;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Earliest cancellation effective date (first day without service) that needs no contract override.' })
  contractEndDate?: LocalDate;
  @Field(() => Date, { nullable: true }) cancelledAt?: Date;
  @Field() createdAt: Date;

  /** The row behind it, for the fields resolved through the plan. */
  row: Subscription;

  static from(row: Subscription): SubscriptionType {
    return Object.assign(new SubscriptionType(), {
      id: toGlobalId('Subscription', row.id),
      subscriber: Object.assign(new SubscriberStub(), { id: toGlobalId('Subscriber', row.subscriberId) }),
      status: row.status,
      quantity: row.quantity,
      startDate: row.startDate,
      endDate: row.endDate ?? undefined,
      billingDayMode: row.billingDayMode,
      billingDay: row.billingDay,
      anchorDate: row.anchorDate,
      nextBillDate: row.nextBillDate ?? undefined,
      contractEndDate: row.contractEndDate ?? undefined,
      cancelledAt: row.cancelledAt ?? undefined,
      createdAt: row.createdAt,
      row,
    });
  }
}
