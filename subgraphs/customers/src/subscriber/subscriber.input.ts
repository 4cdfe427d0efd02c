import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { SortDirection } from '@dotmac/kernel';
import { SubscriberStatus, SubscriberType } from './subscriber.entity.js';

@InputType()
export class CreateSubscriberInput {
  @Field(() => ID, { nullable: true, description: 'Platform admins name the ISP; ISP staff get their own.' }) tenantId?: string;
  @Field() name: string;
  @Field(() => String, { nullable: true, description: 'Generated (S-000123) when omitted.' }) accountNumber?: string;
  @Field(() => String, { nullable: true }) email?: string;
  @Field(() => SubscriberType, { nullable: true }) type?: SubscriberType;
  @Field(() => SubscriberStatus, { nullable: true, description: 'LEAD (default) or ACTIVE.' }) status?: SubscriberStatus;
}

@InputType()
export class UpdateSubscriberInput {
  @Field(() => ID) subscriberId: string;
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => String, { nullable: true }) email?: string;
  @Field(() => SubscriberType, { nullable: true }) type?: SubscriberType;
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
