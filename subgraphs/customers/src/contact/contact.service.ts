import { AppError, toGlobalId, type EntityManager } from '@dotmac/kernel';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Actor } from '../change-log/actor.js';
import { ChangeAction } from '../change-log/change-log-entry.entity.js';
import { changesBetween, initialValues, recordChange } from '../change-log/change-log.service.js';
import { optionalEmail, optionalPhone, requiredText } from '../shared/text.js';
import type { Subscriber } from '../subscriber/subscriber.entity.js';
import { lockSubscriber } from '../subscriber/subscriber.lookup.js';
import { Contact, ContactRole } from './contact.entity.js';

/** Contacts per subscriber: a bound that keeps `Subscriber.contacts` a small plain list. */
export const MAX_CONTACTS = 20;

interface ContactFields {
  name: string;
  role: ContactRole;
  email: string | null;
  phone: string | null;
}

export interface ContactChanges {
  name?: string | null;
  role?: ContactRole | null;
  email?: string | null;
  phone?: string | null;
}

const secondPrimary = () => AppError.conflict('This subscriber already has a primary contact', 'role');
const fieldsOf = (contact: Contact): ContactFields => ({ name: contact.name, role: contact.role, email: contact.email, phone: contact.phone });

/** Checks a contact's fields; a contact must be reachable (email or phone). */
function checkContact(input: ContactChanges & { name?: string | null; role?: ContactRole | null }): ContactFields {
  const name = requiredText(input.name, 'name', 'Name', 200);
  const email = optionalEmail(input.email);
  const phone = optionalPhone(input.phone);
  if (!email && !phone) throw AppError.badInput('A contact needs an email or a phone number', 'email');
  return { name, role: input.role ?? ContactRole.OTHER, email, phone };
}

async function assertOnePrimary(em: EntityManager, subscriberId: string, role: ContactRole, exceptId?: string): Promise<void> {
  if (role !== ContactRole.PRIMARY) return;
  const primaries = await em.count(Contact, { subscriberId, role: ContactRole.PRIMARY, ...(exceptId ? { id: { $ne: exceptId } } : {}) });
  if (primaries) throw secondPrimary();
}

async function flushContact(em: EntityManager): Promise<void> {
  await em.flush().catch((error: unknown) => {
    // The partial unique index is the last word when two requests race.
    if (error instanceof UniqueConstraintViolationException) throw secondPrimary();
    throw error;
  });
}

export async function addContact(em: EntityManager, subscriberId: string, input: ContactChanges, actor: Actor): Promise<Contact> {
  const subscriber = await lockSubscriber(em, subscriberId);
  const fields = checkContact(input);
  await assertOnePrimary(em, subscriberId, fields.role);
  if ((await em.count(Contact, { subscriberId })) >= MAX_CONTACTS) throw AppError.conflict(`A subscriber has at most ${MAX_CONTACTS} contacts`, 'subscriberId');
  const contact = em.create(Contact, { tenantId: subscriber.tenantId, subscriberId, ...fields });
  await flushContact(em);
  recordChange(em, subscriber, { action: ChangeAction.CONTACT_ADDED, actor, changes: initialValues({ ...fields }, 'contact'), subjectId: toGlobalId('SubscriberContact', contact.id) });
  return contact;
}

/** The contact and its subscriber, locked. */
async function contactForWrite(em: EntityManager, contactId: string): Promise<{ contact: Contact; subscriber: Subscriber }> {
  const contact = await em.findOne(Contact, { id: contactId });
  if (!contact) throw AppError.notFound('SubscriberContact');
  return { contact, subscriber: await lockSubscriber(em, contact.subscriberId) };
}

export async function updateContact(em: EntityManager, contactId: string, changes: ContactChanges, actor: Actor): Promise<Contact> {
  const { contact, subscriber } = await contactForWrite(em, contactId);
  const before = fieldsOf(contact);
  const after = checkContact({
    name: changes.name ?? before.name,
    role: changes.role ?? before.role,
    email: changes.email === undefined ? before.email : changes.email,
    phone: changes.phone === undefined ? before.phone : changes.phone,
  });
  await assertOnePrimary(em, contact.subscriberId, after.role, contact.id);
  Object.assign(contact, after);
  await flushContact(em);
  const fieldChanges = changesBetween({ ...before }, { ...after }, 'contact');
  if (fieldChanges.length) {
    recordChange(em, subscriber, { action: ChangeAction.CONTACT_UPDATED, actor, changes: fieldChanges, subjectId: toGlobalId('SubscriberContact', contact.id) });
  }
  return contact;
}

export async function removeContact(em: EntityManager, contactId: string, actor: Actor): Promise<Subscriber> {
  const { contact, subscriber } = await contactForWrite(em, contactId);
  const before = fieldsOf(contact);
  em.remove(contact);
  const changes = changesBetween({ ...before }, { name: null, role: null, email: null, phone: null }, 'contact');
  recordChange(em, subscriber, { action: ChangeAction.CONTACT_REMOVED, actor, changes, subjectId: toGlobalId('SubscriberContact', contact.id) });
  return subscriber;
}

/** Contacts of many subscribers, primary first, then oldest first: one query. */
export async function contactsOf(em: EntityManager, subscriberIds: readonly string[]): Promise<Map<string, Contact[]>> {
  const rows = await em.find(Contact, { subscriberId: { $in: [...subscriberIds] } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  const bySubscriber = new Map<string, Contact[]>();
  for (const row of rows.sort((a, b) => Number(b.role === ContactRole.PRIMARY) - Number(a.role === ContactRole.PRIMARY))) {
    bySubscriber.set(row.subscriberId, [...(bySubscriber.get(row.subscriberId) ?? []), row]);
  }
  return bySubscriber;
}
