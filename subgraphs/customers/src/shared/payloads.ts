import { Field, ObjectType } from 'type-graphql';
import { UserError } from '@dotmac/kernel';
import { SubscriberNode } from '../subscriber/subscriber.type.js';

@ObjectType()
export class SubscriberPayload {
  @Field(() => SubscriberNode, { nullable: true }) subscriber?: SubscriberNode;
  @Field(() => [UserError]) userErrors: UserError[];
}
