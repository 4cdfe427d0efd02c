import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Node } from '@dotmac/kernel';

/** Site is owned by the network subgraph; here only so `node(id)` can hand it over. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Site', { implements: Node })
export class SiteStub extends Node {
  @Field(() => ID) declare id: string;
}

/** The network subgraph's node types by the tag of their global ids. */
export const NETWORK_NODE_TYPES: Record<string, new () => Node> = {
  Site: SiteStub,
};
