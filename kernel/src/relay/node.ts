import { Field, ID, InterfaceType } from 'type-graphql';

/** Relay's Node interface: every object with a global id implements it. */
@InterfaceType({ description: 'An object with a global id, fetchable with Query.node.' })
export abstract class Node {
  @Field(() => ID, { description: 'Global id (opaque).' })
  id: string;
}
