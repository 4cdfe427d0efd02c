import { AppError, toGlobalId, type EntityManager } from '@dotmac/kernel';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Actor } from '../change-log/actor.js';
import { ChangeAction } from '../change-log/change-log-entry.entity.js';
import { changesBetween, initialValues, recordChange } from '../change-log/change-log.service.js';
import type { Subscriber } from '../subscriber/subscriber.entity.js';
import { lockSubscriber } from '../subscriber/subscriber.lookup.js';
import { checkAddress, type AddressFields, type AddressInput } from './address.rules.js';
import { ServiceAddress } from './service-address.entity.js';

/** Addresses per subscriber: a bound that keeps `Subscriber.serviceAddresses` a small plain list. */
export const MAX_ADDRESSES = 20;

const ADDRESS_FIELDS = ['line1', 'line2', 'city', 'region', 'postalCode', 'country', 'latitude', 'longitude'] as const;
const secondPrimary = () => AppError.conflict('This subscriber already has a primary service address', 'isPrimary');
const subjectOf = (address: ServiceAddress) => toGlobalId('ServiceAddress', address.id);

function fieldsOf(address: ServiceAddress): AddressFields & { isPrimary: boolean } {
  const fields = Object.fromEntries(ADDRESS_FIELDS.map((field) => [field, address[field]])) as unknown as AddressFields;
  return { ...fields, isPrimary: address.isPrimary };
}

async function assertOnePrimary(em: EntityManager, subscriberId: string, isPrimary: boolean, exceptId?: string): Promise<void> {
  if (!isPrimary) return;
  const primaries = await em.count(ServiceAddress, { subscriberId, isPrimary: true, ...(exceptId ? { id: { $ne: exceptId } } : {}) });
  if (primaries) throw secondPrimary();
}

async function flushAddress(em: EntityManager): Promise<void> {
  await em.flush().catch((error: unknown) => {
    if (error instanceof UniqueConstraintViolationException) throw secondPrimary();
    throw error;
  });
}

export async function addAddress(em: EntityManager, subscriberId: string, input: AddressInput & { isPrimary?: boolean | null }, actor: Actor): Promise<ServiceAddress> {
  const subscriber = await lockSubscriber(em, subscriberId);
  const fields = { ...checkAddress(input), isPrimary: input.isPrimary ?? false };
  await assertOnePrimary(em, subscriberId, fields.isPrimary);
  if ((await em.count(ServiceAddress, { subscriberId })) >= MAX_ADDRESSES) {
    throw AppError.conflict(`A subscriber has at most ${MAX_ADDRESSES} service addresses`, 'subscriberId');
  }
  const address = em.create(ServiceAddress, { tenantId: subscriber.tenantId, subscriberId, ...fields });
  await flushAddress(em);
  recordChange(em, subscriber, { action: ChangeAction.ADDRESS_ADDED, actor, changes: initialValues({ ...fields }, 'address'), subjectId: subjectOf(address) });
  return address;
}

async function addressForWrite(em: EntityManager, addressId: string): Promise<{ address: ServiceAddress; subscriber: Subscriber }> {
  const address = await em.findOne(ServiceAddress, { id: addressId });
  if (!address) throw AppError.notFound('ServiceAddress');
  return { address, subscriber: await lockSubscriber(em, address.subscriberId) };
}

export async function updateAddress(
  em: EntityManager,
  addressId: string,
  changes: AddressInput & { isPrimary?: boolean | null },
  actor: Actor,
): Promise<ServiceAddress> {
  const { address, subscriber } = await addressForWrite(em, addressId);
  const before = fieldsOf(address);
  const merged: AddressInput = Object.fromEntries(ADDRESS_FIELDS.map((field) => [field, changes[field] === undefined ? before[field] : changes[field]]));
  const after = { ...checkAddress(merged), isPrimary: changes.isPrimary ?? before.isPrimary };
  await assertOnePrimary(em, address.subscriberId, after.isPrimary, address.id);
  Object.assign(address, after);
  await flushAddress(em);
  const fieldChanges = changesBetween({ ...before }, { ...after }, 'address');
  if (fieldChanges.length) recordChange(em, subscriber, { action: ChangeAction.ADDRESS_UPDATED, actor, changes: fieldChanges, subjectId: subjectOf(address) });
  return address;
}

export async function removeAddress(em: EntityManager, addressId: string, actor: Actor): Promise<Subscriber> {
  const { address, subscriber } = await addressForWrite(em, addressId);
  const before = fieldsOf(address);
  em.remove(address);
  const cleared = Object.fromEntries(Object.keys(before).map((field) => [field, null]));
  recordChange(em, subscriber, { action: ChangeAction.ADDRESS_REMOVED, actor, changes: changesBetween({ ...before }, cleared, 'address'), subjectId: subjectOf(address) });
  return subscriber;
}

/** Service addresses of many subscribers, primary first, then oldest first: one query. */
export async function addressesOf(em: EntityManager, subscriberIds: readonly string[]): Promise<Map<string, ServiceAddress[]>> {
  const rows = await em.find(ServiceAddress, { subscriberId: { $in: [...subscriberIds] } }, { orderBy: { isPrimary: 'desc', createdAt: 'asc', id: 'asc' } });
  const bySubscriber = new Map<string, ServiceAddress[]>();
  for (const row of rows) bySubscriber.set(row.subscriberId, [...(bySubscriber.get(row.subscriberId) ?? []), row]);
  return bySubscriber;
}
