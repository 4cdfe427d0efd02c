import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { LocalDateScalar, SortDirection, type LocalDate } from '@dotmac/kernel';
import { InvoiceLineKind } from './invoice-line.entity.js';
import { InvoiceStatus } from './invoice.entity.js';

@InputType({ description: 'A line to bill: amount = quantity × unit price, rounded HALF_UP to a minor unit.' })
export class InvoiceLineInput {
  @Field() description: string;
  @Field({ description: 'Positive decimal string, up to six places ("1", "2.5").' }) quantity: string;
  @Field({ description: 'Minor units per unit as a decimal string, zero or more, up to six places ("7999", "0.5").' }) unitPrice: string;
  @Field(() => InvoiceLineKind, { nullable: true, description: 'MANUAL when omitted.' }) kind?: InvoiceLineKind;
}

@InputType()
export class CreateInvoiceInput {
  @Field(() => ID, { nullable: true, description: 'Platform admins name the ISP.' }) tenantId?: string;
  @Field(() => ID) subscriberId: string;
  @Field(() => String, { nullable: true, description: "The subscriber's billing currency when omitted; another currency is refused." }) currency?: string;
  @Field(() => String, { nullable: true }) memo?: string;
  @Field(() => [InvoiceLineInput], { defaultValue: [] }) lines: InvoiceLineInput[];
}

@InputType()
export class AddInvoiceLineInput {
  @Field(() => ID, { nullable: true }) tenantId?: string;
  @Field(() => ID, { description: 'A draft invoice.' }) invoiceId: string;
  @Field(() => InvoiceLineInput) line: InvoiceLineInput;
}

@InputType()
export class RemoveInvoiceLineInput {
  @Field(() => ID, { nullable: true }) tenantId?: string;
  @Field(() => ID, { description: 'A line of a draft invoice.' }) lineId: string;
}

@InputType()
export class IssueInvoiceInput {
  @Field(() => ID, { nullable: true }) tenantId?: string;
  @Field(() => ID) invoiceId: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Today (UTC) when omitted; taxes in effect on this date apply.' }) issueDate?: LocalDate;
}

@InputType()
export class VoidInvoiceInput {
  @Field(() => ID, { nullable: true }) tenantId?: string;
  @Field(() => ID) invoiceId: string;
  @Field() reason: string;
}

@InputType()
export class InvoiceFilter {
  @Field(() => ID, { nullable: true }) subscriberId?: string;
  @Field(() => [InvoiceStatus], { nullable: true }) status?: InvoiceStatus[];
  @Field(() => LocalDateScalar, { nullable: true, description: 'Issued on or after.' }) issuedFrom?: LocalDate;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Issued on or before.' }) issuedTo?: LocalDate;
}

export enum InvoiceOrderField {
  CREATED_AT = 'createdAt',
  TOTAL = 'totalMinor',
}
registerEnumType(InvoiceOrderField, { name: 'InvoiceOrderField' });

@InputType()
export class InvoiceOrder {
  @Field(() => InvoiceOrderField) field: InvoiceOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.DESC }) direction: SortDirection;
}
