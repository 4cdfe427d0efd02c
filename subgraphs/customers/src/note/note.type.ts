import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { connectionType, toGlobalId } from '@dotmac/kernel';
import type { Note } from './note.entity.js';

@ObjectType('SubscriberNote', { description: 'A staff note on a subscriber; notes are never edited or deleted.' })
export class NoteNode {
  @Field(() => ID) id: string;
  @Field() body: string;
  @Field({ description: 'user or api_key.' }) authorKind: string;
  @Field(() => ID, { nullable: true, description: 'Global id of the authoring User or ApiKey.' }) authorId: string | null;
  @Field() createdAt: Date;

  static from(row: Note): NoteNode {
    return Object.assign(new NoteNode(), {
      id: toGlobalId('SubscriberNote', row.id),
      body: row.body,
      authorKind: row.authorKind,
      authorId: row.authorId ? toGlobalId(row.authorKind === 'api_key' ? 'ApiKey' : 'User', row.authorId) : null,
      createdAt: row.createdAt,
    });
  }
}

export const NoteConnection = connectionType(NoteNode, 'SubscriberNote');

@InputType()
export class AddNoteInput {
  @Field(() => ID) subscriberId: string;
  @Field({ description: '1–10,000 characters.' }) body: string;
}
