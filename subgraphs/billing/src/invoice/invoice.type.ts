import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateScalar, Node, toGlobalId, type LocalDate } from '@dotmac/kernel';
import { Money } from '../money/money.type.js';
import { RATE_SCALE } from '../money/tax.js';
import { QUANTITY_SCALE, UNIT_PRICE_SCALE } from '../money/tiers.js';
import { SubscriberStub } from '../subscriber/subscriber.stub.js';
import type { InvoiceLineTax } from './invoice-line-tax.entity.js';
import { InvoiceLine, InvoiceLineKind } from './invoice-line.entity.js';
import { plainDecimal } from './invoice-line.rules.js';
import { Invoice, InvoiceKind, InvoiceStatus } from './invoice.entity.js';

registerEnumType(InvoiceStatus, { name: 'InvoiceStatus' });
registerEnumType(InvoiceKind, { name: 'InvoiceKind' });
registerEnumType(InvoiceLineKind, { name: 'InvoiceLineKind' });

export const subscriberStub = (subscriberId: string): SubscriberStub => Object.assign(new SubscriberStub(), { id: toGlobalId('Subscriber', subscriberId) });

@ObjectType('InvoiceLineTax', { description: 'One tax rate on one line, rounded HALF_UP on its own.' })
export class InvoiceLineTaxNode {
  @Field() name: string;
  @Field() jurisdiction: string;
  @Field({ description: 'Percent as a decimal string, e.g. "7.25".' }) rate: string;
  @Field(() => Money) amount: Money;

  static from(row: InvoiceLineTax, currency: string): InvoiceLineTaxNode {
    return Object.assign(new InvoiceLineTaxNode(), {
      name: row.name,
      jurisdiction: row.jurisdiction,
      rate: plainDecimal(row.rate, RATE_SCALE),
      amount: Money.of(row.amountMinor, currency),
    });
  }
}

@ObjectType('InvoiceLine', { description: 'One line of an invoice; its amount is quantity × unit price rounded HALF_UP once.' })
export class InvoiceLineNode {
  @Field(() => ID) id: string;
  @Field(() => Int) position: number;
  @Field() description: string;
  @Field(() => InvoiceLineKind) kind: InvoiceLineKind;
  @Field({ description: 'Decimal string, up to six places.' }) quantity: string;
  @Field({ description: 'Minor units per unit as a decimal string, up to six places (e.g. "7999" or "0.5").' }) unitPrice: string;
  @Field(() => Money) amount: Money;
  @Field(() => Money, { description: 'Sum of the line taxes (zero on drafts).' }) tax: Money;
  @Field(() => LocalDateScalar, { nullable: true }) periodStart?: LocalDate;
  @Field(() => LocalDateScalar, { nullable: true }) periodEnd?: LocalDate;
  rawId: string;
  invoiceId: string;
  currency: string;

  static from(row: InvoiceLine, currency: string): InvoiceLineNode {
    return Object.assign(new InvoiceLineNode(), {
      id: toGlobalId('InvoiceLine', row.id),
      rawId: row.id,
      invoiceId: row.invoiceId,
      currency,
      position: row.position,
      description: row.description,
      kind: row.kind,
      quantity: plainDecimal(row.quantity, QUANTITY_SCALE),
      unitPrice: plainDecimal(row.unitPriceMinor, UNIT_PRICE_SCALE),
      amount: Money.of(row.amountMinor, currency),
      tax: Money.of(row.taxMinor, currency),
      periodStart: row.periodStart ?? undefined,
      periodEnd: row.periodEnd ?? undefined,
    });
  }
}

@Directive('@key(fields: "id")')
@ObjectType('Invoice', { implements: Node, description: 'A bill to a subscriber: a draft until issued, then immutable.' })
export class InvoiceNode extends Node {
  @Field(() => ID) declare id: string;
  @Field(() => String, { nullable: true, description: 'Gapless per ISP; assigned when issued.' }) number?: string;
  @Field(() => InvoiceStatus) status: InvoiceStatus;
  @Field(() => InvoiceKind) kind: InvoiceKind;
  @Field() currency: string;
  @Field(() => SubscriberStub) subscriber: SubscriberStub;
  @Field(() => LocalDateScalar, { nullable: true }) issueDate?: LocalDate;
  @Field(() => LocalDateScalar, { nullable: true }) dueDate?: LocalDate;
  @Field(() => LocalDateScalar, { nullable: true, description: 'First day billed (subscription invoices).' }) periodStart?: LocalDate;
  @Field(() => LocalDateScalar, { nullable: true, description: 'First day after the billed period.' }) periodEnd?: LocalDate;
  @Field(() => Money) subtotal: Money;
  @Field(() => Money) tax: Money;
  @Field(() => Money) total: Money;
  @Field(() => Money, { description: 'Given back by credit notes.' }) credited: Money;
  @Field(() => Money, { description: 'Covered by payments and applied credit.' }) paid: Money;
  @Field(() => Money, { description: 'total − credited − paid (zero when void).' }) balanceDue: Money;
  @Field(() => String, { nullable: true }) memo?: string;
  @Field(() => String, { nullable: true }) voidReason?: string;
  @Field(() => Date, { nullable: true }) issuedAt?: Date;
  @Field(() => Date, { nullable: true }) voidedAt?: Date;
  @Field() createdAt: Date;
  rawId: string;
  tenantId: string;
  subscriberId: string;

  static from(row: Invoice): InvoiceNode {
    const money = (amount: number) => Money.of(amount, row.currency);
    return Object.assign(new InvoiceNode(), {
      id: toGlobalId('Invoice', row.id),
      rawId: row.id,
      tenantId: row.tenantId,
      subscriberId: row.subscriberId,
      number: row.number ?? undefined,
      status: row.status,
      kind: row.kind,
      currency: row.currency,
      subscriber: subscriberStub(row.subscriberId),
      issueDate: row.issueDate ?? undefined,
      dueDate: row.dueDate ?? undefined,
      periodStart: row.periodStart ?? undefined,
      periodEnd: row.periodEnd ?? undefined,
      subtotal: money(row.subtotalMinor),
      tax: money(row.taxMinor),
      total: money(row.totalMinor),
      credited: money(row.creditedMinor),
      paid: money(row.paidMinor),
      balanceDue: money(row.balanceDueMinor),
      memo: row.memo ?? undefined,
      voidReason: row.voidReason ?? undefined,
      issuedAt: row.issuedAt ?? undefined,
      voidedAt: row.voidedAt ?? undefined,
      createdAt: row.createdAt,
    });
  }
}
