import type { EntityManager } from '@dotmac/kernel';
import type { Actor } from '../change-log/actor.js';
import { requiredText } from '../shared/text.js';
import { lockSubscriber } from '../subscriber/subscriber.lookup.js';
import { Note } from './note.entity.js';

export const MAX_NOTE_LENGTH = 10_000;

/** Appends a note by the acting viewer. */
export async function addNote(em: EntityManager, subscriberId: string, body: string, author: Actor): Promise<Note> {
  const subscriber = await lockSubscriber(em, subscriberId);
  const note = em.create(Note, {
    tenantId: subscriber.tenantId,
    subscriberId,
    body: requiredText(body, 'body', 'A note', MAX_NOTE_LENGTH),
    authorKind: author.kind,
    authorId: author.id,
  });
  em.persist(note);
  return note;
}
