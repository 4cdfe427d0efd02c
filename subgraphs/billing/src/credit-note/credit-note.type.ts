import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { LocalDateScalar, Node, toGlobalId, type LocalDate } from '@dotmac/kernel';
import { subscriberStub } from '../invoice/invoice.type.js';
import { Money } from '../money/money.type.js';
import { SubscriberStub } from '../subscriber/subscriber.stub.js';
import type { CreditNoteLine } from './credit-note-line.entity.js';
import type { CreditNote } from './credit-note.entity.js';

@ObjectType('CreditNoteLine', { description: 'What a credit note gives back on one invoice line: net amount and its tax.' })
export class CreditNoteLineNode {
  @Field(() => ID) id: string;
  @Field(() => ID, { description: 'The credited invoice line.' }) invoiceLineId: string;
  @Field() description: string;
  @Field(() => Money) amount: Money;
  @Field(() => Money) tax: Money;

  static from(row: CreditNoteLine, currency: string): CreditNoteLineNode {
    return Object.assign(new CreditNoteLineNode(), {
      id: toGlobalId('CreditNoteLine', row.id),
      invoiceLineId: toGlobalId('InvoiceLine', row.invoiceLineId),
      description: row.description,
      amount: Money.of(row.amountMinor, currency),
      tax: Money.of(row.taxMinor, currency),
    });
  }
}

@Directive('@key(fields: "id")')
@ObjectType('CreditNote', { implements: Node, description: 'A correction of an issued invoice; the invoice itself never changes.' })
export class CreditNoteNode extends Node {
  @Field(() => ID) declare id: string;
  @Field({ description: 'Gapless per ISP, its own series.' }) number: string;
  @Field(() => SubscriberStub) subscriber: SubscriberStub;
  @Field() currency: string;
  @Field(() => Money) subtotal: Money;
  @Field(() => Money) tax: Money;
  @Field(() => Money) total: Money;
  @Field() reason: string;
  @Field(() => LocalDateScalar) issueDate: LocalDate;
  @Field() createdAt: Date;
  rawId: string;
  invoiceId: string;

  static from(row: CreditNote): CreditNoteNode {
    return Object.assign(new CreditNoteNode(), {
      id: toGlobalId('CreditNote', row.id),
      rawId: row.id,
      invoiceId: row.invoiceId,
      number: row.number,
      subscriber: subscriberStub(row.subscriberId),
      currency: row.currency,
      subtotal: Money.of(row.subtotalMinor, row.currency),
      tax: Money.of(row.taxMinor, row.currency),
      total: Money.of(row.totalMinor, row.currency),
      reason: row.reason,
      issueDate: row.issueDate,
      createdAt: row.createdAt,
    });
  }
}
