import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class UsageEventInput {
  @Field({ description: 'Unique per ISP: an event sent twice counts once.' }) eventId: string;
  @Field(() => ID, { description: 'Global id of the Subscriber.' }) subscriberId: string;
  @Field({ description: 'Lower-case metric name, e.g. "data_gb".' }) metric: string;
  @Field({ description: 'Decimal string, zero or more, up to 6 decimals ("1.25").' }) quantity: string;
  @Field(() => String, { nullable: true, description: 'What UNIQUE_COUNT counts distinct values of (e.g. a device MAC).' }) uniqueKey?: string;
  @Field() occurredAt: Date;
}

@InputType()
export class RecordUsageEventsInput {
  @Field(() => ID, { nullable: true, description: 'Platform admins name the ISP.' }) tenantId?: string;
  @Field(() => [UsageEventInput], { description: 'Up to 5,000 events; if any is invalid, none is recorded.' }) events: UsageEventInput[];
}
