import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { SortDirection } from '@dotmac/kernel';
import { CustomFieldValueInput } from '../custom-field/custom-field.input.js';
import { SubscriberStatus, SubscriberType } from './subscriber.entity.js';

@InputType()
export class CreateSubscriberInput {
  @Field(() => ID, { nullable: true, description: 'Platform admins name the ISP; ISP staff get their own.' }) tenantId?: string;
  @Field() name: string;
  @Field(() => String, { nullable: true, description: 'Generated (S-000123) when omitted.' }) accountNumber?: string;
  @Field(() => String, { nullable: true }) email?: string;
  @Field(() => String, { nullable: true }) phone?: string;
  @Field(() => SubscriberType, { nullable: true }) type?: SubscriberType;
  @Field(() => SubscriberStatus, { nullable: true, description: 'LEAD (default) or ACTIVE.' }) status?: SubscriberStatus;
  @Field(() => [CustomFieldValueInput], { nullable: true, description: "Values of the ISP's custom fields; required ones must be given." })
  customFields?: CustomFieldValueInput[];
}

@InputType()
export class UpdateSubscriberInput {
  @Field(() => ID) subscriberId: string;
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => String, { nullable: true, description: 'Null clears it.' }) email?: string | null;
  @Field(() => String, { nullable: true, description: 'Null clears it.' }) phone?: string | null;
  @Field(() => SubscriberType, { nullable: true }) type?: SubscriberType;
}

@InputType()
export class TransitionSubscriberInput {
  @Field(() => ID) subscriberId: string;
  @Field(() => SubscriberStatus, { description: 'DELINQUENT is set and cleared by billing only.' }) to: SubscriberStatus;
  @Field(() => String, { nullable: true, description: 'Why, kept in the change log and the event.' }) reason?: string | null;
}

@InputType()
export class SubscriberFilter {
  @Field(() => [SubscriberStatus], { nullable: true }) status?: SubscriberStatus[];
  @Field(() => [SubscriberType], { nullable: true }) type?: SubscriberType[];
  @Field(() => String, { nullable: true, description: 'Case-insensitive match on name, email or account number.' }) search?: string;
}

export enum SubscriberOrderField {
  NAME = 'name',
  ACCOUNT_NUMBER = 'accountNumber',
  CREATED_AT = 'createdAt',
}
registerEnumType(SubscriberOrderField, { name: 'SubscriberOrderField' });

@InputType()
export class SubscriberOrder {
  @Field(() => SubscriberOrderField) field: SubscriberOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC }) direction: SortDirection;
}
