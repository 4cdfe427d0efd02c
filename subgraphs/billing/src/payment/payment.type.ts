import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Node, toGlobalId } from '@dotmac/kernel';
import { subscriberStub } from '../invoice/invoice.type.js';
import { Money } from '../money/money.type.js';
import { SubscriberStub } from '../subscriber/subscriber.stub.js';
import { AllocationReason, type PaymentAllocation } from './payment-allocation.entity.js';
import { PaymentMethod, type Payment } from './payment.entity.js';

registerEnumType(PaymentMethod, { name: 'PaymentMethod' });
registerEnumType(AllocationReason, { name: 'PaymentAllocationReason' });

@Directive('@key(fields: "id")')
@ObjectType('Payment', { implements: Node, description: 'Money received from a subscriber; what is not allocated is account credit.' })
export class PaymentNode extends Node {
  @Field(() => ID) declare id: string;
  @Field(() => SubscriberStub) subscriber: SubscriberStub;
  @Field(() => Money) amount: Money;
  @Field(() => Money, { description: 'Not allocated to any invoice: account credit, applied to the next invoice issued.' }) unallocated: Money;
  @Field(() => PaymentMethod) method: PaymentMethod;
  @Field(() => String, { nullable: true }) processor?: string;
  @Field(() => String, { nullable: true, description: 'Unique per ISP: a retry with the same id is recognised, never booked twice.' })
  processorPaymentId?: string;
  @Field() receivedAt: Date;
  @Field(() => String, { nullable: true }) memo?: string;
  @Field() createdAt: Date;
  rawId: string;

  static from(row: Payment): PaymentNode {
    return Object.assign(new PaymentNode(), {
      id: toGlobalId('Payment', row.id),
      rawId: row.id,
      subscriber: subscriberStub(row.subscriberId),
      amount: Money.of(row.amountMinor, row.currency),
      unallocated: Money.of(row.unallocatedMinor, row.currency),
      method: row.method,
      processor: row.processor ?? undefined,
      processorPaymentId: row.processorPaymentId ?? undefined,
      receivedAt: row.receivedAt,
      memo: row.memo ?? undefined,
      createdAt: row.createdAt,
    });
  }
}

@ObjectType('PaymentAllocation', { description: 'Part of a payment applied to an invoice; negative when a credit note released it back.' })
export class PaymentAllocationNode {
  @Field(() => ID) id: string;
  @Field(() => Money) amount: Money;
  @Field(() => AllocationReason) reason: AllocationReason;
  @Field() createdAt: Date;
  paymentId: string;
  invoiceId: string;

  static from(row: PaymentAllocation, currency: string): PaymentAllocationNode {
    return Object.assign(new PaymentAllocationNode(), {
      id: toGlobalId('PaymentAllocation', row.id),
      amount: Money.of(row.amountMinor, currency),
      reason: row.reason,
      createdAt: row.createdAt,
      paymentId: row.paymentId,
      invoiceId: row.invoiceId,
    });
  }
}
