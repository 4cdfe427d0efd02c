import { Field, InputType } from 'type-graphql';
import { LocalDateScalar, type LocalDate } from '@dotmac/kernel';
import { InvoiceStatus } from '../invoice/invoice.entity.js';

@InputType()
export class SubscriberInvoicesFilter {
  @Field(() => [InvoiceStatus], { nullable: true }) status?: InvoiceStatus[];
  @Field(() => LocalDateScalar, { nullable: true, description: 'Issued on or after.' }) issuedFrom?: LocalDate;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Issued on or before.' }) issuedTo?: LocalDate;
}
