import { Arg, Args, Ctx, Field, FieldResolver, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { AppError, ConnectionArgs, expectGlobalId, requireRole, SortDirection, UserError } from '@dotmac/kernel';
import type { CustomersContext } from '../context.js';
import { canReadInternalRecords, WRITERS } from '../shared/access.js';
import { ChronologicalOrder } from '../shared/chronological-order.js';
import { mutateRecord } from '../shared/mutation.js';
import { pageArgs } from '../shared/page-args.js';
import { SubscriberNode } from '../subscriber/subscriber.type.js';
import { AddNoteInput, NoteConnection, NoteNode } from './note.type.js';
import { addNote } from './note.service.js';

@ObjectType()
class NotePayload {
  @Field(() => NoteNode, { nullable: true }) note?: NoteNode;
  @Field(() => [UserError]) userErrors: UserError[];
}

@Resolver(() => SubscriberNode)
export class SubscriberNotesResolver {
  @FieldResolver(() => NoteConnection, { description: 'Staff notes, newest first unless ordered otherwise. Staff only.' })
  notes(
    @Root() subscriber: SubscriberNode,
    @Ctx() ctx: CustomersContext,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('orderBy', () => ChronologicalOrder, { nullable: true }) orderBy?: ChronologicalOrder,
  ) {
    if (!canReadInternalRecords(ctx.viewer)) throw AppError.forbidden("Only staff read a subscriber's notes");
    return ctx.loaders.notePages.load({ subscriberId: subscriber.subscriberId, args: pageArgs(page), direction: orderBy?.direction ?? SortDirection.DESC });
  }

  @Mutation(() => NotePayload, { description: 'Appends a note to a subscriber; its author is the caller.' })
  addNote(@Ctx() ctx: CustomersContext, @Arg('input', () => AddNoteInput) input: AddNoteInput) {
    requireRole(ctx.viewer, ...WRITERS);
    return mutateRecord(ctx, {
      operation: 'addNote',
      work: async (em, actor) => {
        const note = await addNote(em, expectGlobalId(input.subscriberId, 'Subscriber', 'subscriberId'), input.body, actor);
        return { payload: { note: NoteNode.from(note) }, target: { type: 'SubscriberNote', id: note.id, tenantId: note.tenantId } };
      },
    });
  }
}
