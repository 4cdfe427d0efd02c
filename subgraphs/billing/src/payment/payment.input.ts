import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { SortDirection } from '@dotmac/kernel';
import { PaymentMethod } from './payment.entity.js';

@InputType()
export class RecordPaymentInput {
  @Field(() => ID, { nullable: true, description: 'Platform admins name the ISP.' }) tenantId?: string;
  @Field(() => ID) subscriberId: string;
  @Field(() => Int, { description: 'Minor units, positive, at most 1,000,000,000.' }) amount: number;
  @Field({ description: "ISO 4217; must be the subscriber's billing currency." }) currency: string;
  @Field(() => PaymentMethod) method: PaymentMethod;
  @Field(() => String, { nullable: true }) processor?: string;
  @Field(() => String, { nullable: true, description: 'A retry with the same id returns the payment already recorded (duplicate: true).' })
  processorPaymentId?: string;
  @Field(() => Date, { nullable: true, description: 'Now when omitted; never in the future.' }) receivedAt?: Date;
  @Field(() => ID, { nullable: true, description: 'Paid first; the rest goes to the oldest open invoices, then to account credit.' })
  invoiceId?: string;
  @Field(() => String, { nullable: true }) memo?: string;
}

@InputType()
export class PaymentFilter {
  @Field(() => ID, { nullable: true }) subscriberId?: string;
  @Field(() => [PaymentMethod], { nullable: true }) method?: PaymentMethod[];
  @Field(() => Date, { nullable: true, description: 'Received at or after.' }) receivedFrom?: Date;
  @Field(() => Date, { nullable: true, description: 'Received before.' }) receivedTo?: Date;
  @Field(() => Boolean, { nullable: true, description: 'Only payments with (true) or without (false) unallocated credit.' }) withCredit?: boolean;
}

export enum PaymentOrderField {
  RECEIVED_AT = 'receivedAt',
  CREATED_AT = 'createdAt',
  AMOUNT = 'amountMinor',
}
registerEnumType(PaymentOrderField, { name: 'PaymentOrderField' });

@InputType()
export class PaymentOrder {
  @Field(() => PaymentOrderField) field: PaymentOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.DESC }) direction: SortDirection;
}
