import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Node } from '@dotmac/kernel';

/** ServicePlan is owned by the billing subgraph; here only so `node(id)` can hand it over. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('ServicePlan', { implements: Node })
export class ServicePlanStub extends Node {
  @Field(() => ID) declare id: string;
}

/** Billing's subscriptions (global id tag 'Subscription'); here only so `node(id)` can hand them over. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('ServiceSubscription', { implements: Node })
export class ServiceSubscriptionStub extends Node {
  @Field(() => ID) declare id: string;
}

/** TaxRate is owned by the billing subgraph; here only so `node(id)` can hand it over. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('TaxRate', { implements: Node })
export class TaxRateStub extends Node {
  @Field(() => ID) declare id: string;
}

/** Invoice is owned by the billing subgraph; here only so `node(id)` can hand it over. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Invoice', { implements: Node })
export class InvoiceStub extends Node {
  @Field(() => ID) declare id: string;
}

/** Payment is owned by the billing subgraph; here only so `node(id)` can hand it over. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Payment', { implements: Node })
export class PaymentStub extends Node {
  @Field(() => ID) declare id: string;
}

/** CreditNote is owned by the billing subgraph; here only so `node(id)` can hand it over. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('CreditNote', { implements: Node })
export class CreditNoteStub extends Node {
  @Field(() => ID) declare id: string;
}

/** Billing's node types by the tag of their global ids. */
export const BILLING_NODE_TYPES: Record<string, new () => Node> = {
  ServicePlan: ServicePlanStub,
  Subscription: ServiceSubscriptionStub,
  TaxRate: TaxRateStub,
  Invoice: InvoiceStub,
  Payment: PaymentStub,
  CreditNote: CreditNoteStub,
};
