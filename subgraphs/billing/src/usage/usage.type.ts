import { Field, Int, ObjectType } from 'type-graphql';
import { UserError } from '@dotmac/kernel';

@ObjectType()
export class RecordUsageEventsPayload {
  @Field(() => Int, { description: 'Events recorded by this call.' }) accepted: number;
  @Field(() => Int, { description: 'Events already recorded before (or repeated within this call), ignored.' }) duplicates: number;
  @Field(() => [UserError], { description: 'One per invalid event, its field path starting with its index.' }) userErrors: UserError[];
}

@ObjectType('UsageSummary', { description: 'One metric of one subscriber over [from, to), aggregated four ways.' })
export class UsageSummaryType {
  @Field(() => Int, { description: 'Number of events.' }) count: number;
  @Field({ description: 'Sum of quantities, decimal string.' }) sum: string;
  @Field(() => String, { nullable: true, description: 'Largest quantity, decimal string; null without events.' }) max: string | null;
  @Field(() => Int, { description: 'Distinct unique keys (events without one are not counted).' }) uniqueCount: number;
}
