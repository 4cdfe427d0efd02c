import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { LocalDateScalar, SortDirection, type LocalDate } from '@dotmac/kernel';

@InputType()
export class CreateTaxRateInput {
  @Field(() => ID, { nullable: true, description: 'Platform admins name the ISP.' }) tenantId?: string;
  @Field({ description: 'E.g. "State sales tax"; unique per jurisdiction over any one date.' }) name: string;
  @Field() jurisdiction: string;
  @Field({ description: 'Percent, greater than 0 and less than 100, up to 4 decimals ("7.25").' }) rate: string;
  @Field(() => LocalDateScalar) effectiveFrom: LocalDate;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day (inclusive); open-ended when omitted.' }) effectiveTo?: LocalDate;
}

@InputType()
export class EndTaxRateInput {
  @Field(() => ID, { nullable: true, description: 'Platform admins name the ISP.' }) tenantId?: string;
  @Field(() => ID) taxRateId: string;
  @Field(() => LocalDateScalar, { description: 'New last day (inclusive). Never before an issued invoice that used the rate.' }) effectiveTo: LocalDate;
}

export enum TaxRateOrderField {
  JURISDICTION = 'jurisdiction',
  NAME = 'name',
  EFFECTIVE_FROM = 'effectiveFrom',
  CREATED_AT = 'createdAt',
}
registerEnumType(TaxRateOrderField, { name: 'TaxRateOrderField' });

@InputType()
export class TaxRateOrder {
  @Field(() => TaxRateOrderField) field: TaxRateOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC }) direction: SortDirection;
}
