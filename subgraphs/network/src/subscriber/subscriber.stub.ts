import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { AppError, fromGlobalId } from '@dotmac/kernel';

/** Subscriber is owned by the customers subgraph; network adds the equipment at its premises. */
@Directive('@key(fields: "id")')
@ObjectType('Subscriber')
export class SubscriberStub {
  @Field(() => ID) id: string;
}

/** The raw subscriber id behind a Subscriber representation. */
export function subscriberIdOf(subscriber: SubscriberStub): string {
  const { type, id } = fromGlobalId(subscriber.id);
  if (type !== 'Subscriber') throw AppError.badInput('Not a subscriber id');
  return id;
}
