import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Node } from '@dotmac/kernel';

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

export const BILLING_STUBS = { Invoice: InvoiceStub, Payment: PaymentStub, CreditNote: CreditNoteStub };
