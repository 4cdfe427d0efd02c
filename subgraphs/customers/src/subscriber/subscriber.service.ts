import { containsPattern, paginate, recordEvent, SortDirection, type ConnectionArgs, type EntityManager } from '@dotmac/kernel';
import { UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import type { Actor } from '../change-log/actor.js';
import { ChangeAction } from '../change-log/change-log-entry.entity.js';
import { changesBetween, initialValues, recordChange } from '../change-log/change-log.service.js';
import { setInitialValues } from '../custom-field/custom-field-value.service.js';
import type { ValueInput } from '../custom-field/custom-field-value.rules.js';
import { optionalEmail, optionalPhone } from '../shared/text.js';
import { reserveAccountNumbers } from './account-numbers.js';
import { Subscriber, type SubscriberStatus, type SubscriberType } from './subscriber.entity.js';
import { createdEventPayload, SubscriberTopic } from './subscriber.events.js';
import { SubscriberOrderField, type SubscriberFilter, type SubscriberOrder } from './subscriber.input.js';
import { lockSubscriber } from './subscriber.lookup.js';
import { cleanAccountNumber, cleanName, duplicateAccount, initialStatus } from './subscriber.rules.js';
import { SubscriberNode } from './subscriber.type.js';

export interface NewSubscriber {
  name: string;
  accountNumber?: string | null;
  email?: string | null;
  phone?: string | null;
  type?: SubscriberType | null;
  status?: SubscriberStatus | null;
  customFields?: ValueInput[] | null;
}

export interface SubscriberChanges {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  type?: SubscriberType | null;
}

/** The fields the change log shows for a subscriber. */
const loggedFields = (subscriber: Subscriber) => ({
  accountNumber: subscriber.accountNumber,
  name: subscriber.name,
  email: subscriber.email ?? null,
  phone: subscriber.phone ?? null,
  type: subscriber.type,
  status: subscriber.status,
});

export async function createSubscriber(em: EntityManager, tenantId: string, input: NewSubscriber, actor: Actor): Promise<Subscriber> {
  const name = cleanName(input.name);
  const email = optionalEmail(input.email);
  const phone = optionalPhone(input.phone);
  const status = initialStatus(input.status);
  const accountNumber = cleanAccountNumber(input.accountNumber) ?? (await reserveAccountNumbers(em, tenantId, 1))[0]!;
  if (await em.count(Subscriber, { tenantId, accountNumber })) throw duplicateAccount(accountNumber);
  const subscriber = em.create(Subscriber, { tenantId, name, email, phone, accountNumber, type: input.type ?? undefined, status });
  await em.flush().catch((error: unknown) => {
    if (error instanceof UniqueConstraintViolationException) throw duplicateAccount(accountNumber);
    throw error;
  });
  const customFieldChanges = await setInitialValues(em, subscriber, input.customFields ?? []);
  recordChange(em, subscriber, { action: ChangeAction.CREATED, actor, changes: [...initialValues(loggedFields(subscriber)), ...customFieldChanges] });
  recordEvent(em, SubscriberTopic.CREATED, tenantId, createdEventPayload(subscriber, 'api'));
  return subscriber;
}

export async function updateSubscriber(em: EntityManager, id: string, changes: SubscriberChanges, actor: Actor): Promise<Subscriber> {
  const subscriber = await lockSubscriber(em, id);
  const before = loggedFields(subscriber);
  if (changes.name != null) subscriber.name = cleanName(changes.name);
  if (changes.email !== undefined) subscriber.email = optionalEmail(changes.email);
  if (changes.phone !== undefined) subscriber.phone = optionalPhone(changes.phone);
  if (changes.type) subscriber.type = changes.type;
  const fieldChanges = changesBetween(before, loggedFields(subscriber));
  if (fieldChanges.length) recordChange(em, subscriber, { action: ChangeAction.UPDATED, actor, changes: fieldChanges });
  return subscriber;
}

export function listSubscribers(
  em: EntityManager,
  tenantId: string,
  filter: SubscriberFilter | undefined,
  order: SubscriberOrder | undefined,
  args: ConnectionArgs,
) {
  const where: FilterQuery<Subscriber> & Record<string, unknown> = { tenantId };
  if (filter?.status?.length) where.status = { $in: filter.status };
  if (filter?.type?.length) where.type = { $in: filter.type };
  if (filter?.search?.trim()) {
    const pattern = containsPattern(filter.search);
    where.$or = [{ name: { $ilike: pattern } }, { email: { $ilike: pattern } }, { accountNumber: { $ilike: pattern } }];
  }
  return paginate(
    em,
    Subscriber,
    { where, sortField: order?.field ?? SubscriberOrderField.NAME, sortDirection: order?.direction ?? SortDirection.ASC, args },
    SubscriberNode.from,
  );
}

/** Subscribers per tenant, for every tenant asked about (zero where none): one grouped query. */
export async function countByTenant(em: EntityManager, tenantIds: readonly string[]): Promise<Map<string, number>> {
  const rows = await em.execute<{ tenant_id: string; count: string }[]>(
    `select tenant_id, count(*) as count from subscriber where tenant_id = any(?::uuid[]) group by tenant_id`,
    [`{${tenantIds.join(',')}}`],
  );
  return new Map(rows.map((row) => [row.tenant_id, Number(row.count)]));
}
