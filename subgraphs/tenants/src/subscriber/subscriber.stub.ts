import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Node } from '@dotmac/kernel';

/** Subscriber is owned by the customers subgraph; here only so `node(id)` can hand it over. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Subscriber', { implements: Node })
export class SubscriberStub extends Node {
  @Field(() => ID) declare id: string;
}
