import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { LocalDateScalar, Node, toGlobalId, type LocalDate } from '@dotmac/kernel';
import { formatScaledDecimal, parseScaledDecimal } from '../money/rounding.js';
import { RATE_SCALE } from '../money/tax.js';
import type { TaxRate } from './tax-rate.entity.js';

@Directive('@key(fields: "id")')
@ObjectType('TaxRate', { implements: Node, description: 'A tax rate of one jurisdiction over a span of dates; several stack on one line.' })
export class TaxRateType extends Node {
  @Field(() => ID) declare id: string;
  @Field() name: string;
  @Field({ description: 'Jurisdiction code, e.g. "US-CA" or "US-CA-LA".' }) jurisdiction: string;
  @Field({ description: 'Percent as a decimal string with up to 4 places, e.g. "7.25".' }) rate: string;
  @Field(() => LocalDateScalar, { description: 'First day the rate applies.' }) effectiveFrom: LocalDate;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day the rate applies (inclusive); null while open-ended.' }) effectiveTo?: LocalDate;
  @Field() createdAt: Date;

  static from(row: TaxRate): TaxRateType {
    return Object.assign(new TaxRateType(), {
      id: toGlobalId('TaxRate', row.id),
      name: row.name,
      jurisdiction: row.jurisdiction,
      rate: formatScaledDecimal(parseScaledDecimal(row.rate, RATE_SCALE)!, RATE_SCALE),
      effectiveFrom: row.effectiveFrom,
      effectiveTo: row.effectiveTo ?? undefined,
      createdAt: row.createdAt,
    });
  }
}
