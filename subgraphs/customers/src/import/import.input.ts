import { Field, Float, ID, InputType } from 'type-graphql';
import { CustomFieldValueInput } from '../custom-field/custom-field.input.js';
import { SubscriberStatus, SubscriberType } from '../subscriber/subscriber.entity.js';

@InputType({ description: 'One subscriber of an import. Address fields, when any is given, make its primary service address.' })
export class ImportSubscriberRow {
  @Field() name: string;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true, description: 'Generated (S-000123) when omitted.' }) accountNumber?: string | null;
  @Field(() => SubscriberType, { nullable: true, description: 'RESIDENTIAL when omitted.' }) type?: SubscriberType | null;
  @Field(() => SubscriberStatus, { nullable: true, description: 'LEAD (default) or ACTIVE.' }) status?: SubscriberStatus | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) addressLine1?: string | null;
  @Field(() => String, { nullable: true }) addressLine2?: string | null;
  @Field(() => String, { nullable: true }) city?: string | null;
  @Field(() => String, { nullable: true }) region?: string | null;
  @Field(() => String, { nullable: true }) postalCode?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' }) country?: string | null;
  @Field(() => Float, { nullable: true }) latitude?: number | null;
  @Field(() => Float, { nullable: true }) longitude?: number | null;
  @Field(() => [CustomFieldValueInput], { nullable: true }) customFields?: CustomFieldValueInput[] | null;
}

@InputType()
export class ImportSubscribersInput {
  @Field(() => ID, { nullable: true, description: 'Platform admins name the ISP; ISP staff get their own.' }) tenantId?: string | null;
  @Field(() => [ImportSubscriberRow], { description: 'At most 10,000 rows; line numbers in the report count from 1.' }) rows: ImportSubscriberRow[];
}
