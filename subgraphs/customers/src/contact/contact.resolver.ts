import { Arg, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { AppError, expectGlobalId, requireRole, UserError } from '@dotmac/kernel';
import type { CustomersContext } from '../context.js';
import { canReadSubscriberDetails, WRITERS } from '../shared/access.js';
import { mutateRecord } from '../shared/mutation.js';
import { SubscriberNode } from '../subscriber/subscriber.type.js';
import { AddContactInput, RemoveContactInput, UpdateContactInput } from './contact.input.js';
import { ContactNode } from './contact.type.js';
import * as contacts from './contact.service.js';

@ObjectType()
class ContactPayload {
  @Field(() => ContactNode, { nullable: true }) contact?: ContactNode;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType()
class RemoveContactPayload {
  @Field(() => ID, { nullable: true }) removedContactId?: string;
  @Field(() => SubscriberNode, { nullable: true }) subscriber?: SubscriberNode;
  @Field(() => [UserError]) userErrors: UserError[];
}

@Resolver(() => SubscriberNode)
export class SubscriberContactsResolver {
  @FieldResolver(() => [ContactNode], { description: `Who to reach about this account (at most ${contacts.MAX_CONTACTS}), primary first.` })
  async contacts(@Root() subscriber: SubscriberNode, @Ctx() ctx: CustomersContext): Promise<ContactNode[]> {
    if (!canReadSubscriberDetails(ctx.viewer, subscriber.subscriberId)) throw AppError.forbidden("Not allowed to read this subscriber's contacts");
    return (await ctx.loaders.contactsBySubscriber.load(subscriber.subscriberId)).map(ContactNode.from);
  }

  @Mutation(() => ContactPayload, { description: 'Adds a contact to a subscriber; a second PRIMARY contact is a CONFLICT.' })
  addContact(@Ctx() ctx: CustomersContext, @Arg('input', () => AddContactInput) input: AddContactInput) {
    requireRole(ctx.viewer, ...WRITERS);
    return mutateRecord(ctx, {
      operation: 'addContact',
      work: async (em, actor) => {
        const contact = await contacts.addContact(em, expectGlobalId(input.subscriberId, 'Subscriber', 'subscriberId'), input, actor);
        return { payload: { contact: ContactNode.from(contact) }, target: { type: 'SubscriberContact', id: contact.id, tenantId: contact.tenantId } };
      },
    });
  }

  @Mutation(() => ContactPayload)
  updateContact(@Ctx() ctx: CustomersContext, @Arg('input', () => UpdateContactInput) input: UpdateContactInput) {
    requireRole(ctx.viewer, ...WRITERS);
    return mutateRecord(ctx, {
      operation: 'updateContact',
      work: async (em, actor) => {
        const contact = await contacts.updateContact(em, expectGlobalId(input.contactId, 'SubscriberContact', 'contactId'), input, actor);
        return { payload: { contact: ContactNode.from(contact) }, target: { type: 'SubscriberContact', id: contact.id, tenantId: contact.tenantId } };
      },
    });
  }

  @Mutation(() => RemoveContactPayload)
  removeContact(@Ctx() ctx: CustomersContext, @Arg('input', () => RemoveContactInput) input: RemoveContactInput) {
    requireRole(ctx.viewer, ...WRITERS);
    return mutateRecord(ctx, {
      operation: 'removeContact',
      work: async (em, actor) => {
        const contactId = expectGlobalId(input.contactId, 'SubscriberContact', 'contactId');
        const subscriber = await contacts.removeContact(em, contactId, actor);
        return {
          payload: { removedContactId: input.contactId, subscriber: SubscriberNode.from(subscriber) },
          target: { type: 'SubscriberContact', id: contactId, tenantId: subscriber.tenantId },
        };
      },
    });
  }
}
