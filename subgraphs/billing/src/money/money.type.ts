import { Field, Int, ObjectType } from 'type-graphql';
import { formatMinor } from './currency.js';

@ObjectType('Money', { description: 'An amount in integer minor units of a currency (4266 USD = 42.66).' })
export class Money {
  @Field(() => Int, { description: 'Integer minor units (cents for USD).' }) amount: number;
  @Field({ description: 'ISO 4217 code.' }) currency: string;
  @Field({ description: 'The amount as a decimal string in major units, e.g. "42.66".' }) decimal: string;

  static of(amount: number, currency: string): Money {
    return Object.assign(new Money(), { amount, currency, decimal: formatMinor(amount, currency) });
  }
}
