import type { EntityManager, LocalDate } from '@dotmac/kernel';
import type { CredentialCipher } from '../credentials/credential-cipher.js';
import { removeUserRows } from './radius-rows.js';
import { releaseStaticAddress } from './service-address.js';
import { Service, ServiceState } from './service.entity.js';
import { syncServiceRows } from './service-rows.js';

/**
 * Billing says the subscriber is delinquent: the hold is recorded (services activated later start
 * suspended) and every active service joins the tenant's suspension group. Returns the services
 * that changed.
 */
export async function suspendSubscriber(em: EntityManager, cipher: CredentialCipher, tenantId: string, subscriberId: string): Promise<Service[]> {
  await em.execute(`insert into radius_suspension (tenant_id, subscriber_id, since) values (?, ?, now()) on conflict do nothing`, [tenantId, subscriberId]);
  const services = await em.find(Service, { tenantId, subscriberId, state: ServiceState.ACTIVE });
  for (const service of services) {
    service.state = ServiceState.SUSPENDED;
    service.suspendedAt = new Date();
    await syncServiceRows(em, cipher, service);
  }
  return services;
}

/** Billing says the balance is settled: the hold is lifted and suspended services get their plan back. */
export async function restoreSubscriber(em: EntityManager, cipher: CredentialCipher, tenantId: string, subscriberId: string): Promise<Service[]> {
  await em.execute(`delete from radius_suspension where tenant_id = ? and subscriber_id = ?`, [tenantId, subscriberId]);
  const services = await em.find(Service, { tenantId, subscriberId, state: ServiceState.SUSPENDED });
  for (const service of services) {
    service.state = ServiceState.ACTIVE;
    service.suspendedAt = null;
    await syncServiceRows(em, cipher, service);
  }
  return services;
}

/** Ends services for good: no RADIUS rows (the next request is rejected), the static address released. */
export async function terminateServices(em: EntityManager, services: Service[], actorId?: string): Promise<Service[]> {
  const live = services.filter((service) => service.state !== ServiceState.TERMINATED);
  for (const service of live) {
    service.state = ServiceState.TERMINATED;
    service.terminatedAt = new Date();
    service.endsOn = null;
    await releaseStaticAddress(em, service, actorId);
    await removeUserRows(em, service.username);
  }
  await em.flush();
  return live;
}

/**
 * A subscription ended, or will after `lastDay` (inclusive): a service still inside its paid time
 * keeps running until then (`endsOn`), otherwise it ends now.
 */
export async function endSubscriptionService(em: EntityManager, tenantId: string, subscriptionId: string, lastDay: LocalDate | null, today: LocalDate): Promise<Service[]> {
  const service = await em.findOne(Service, { tenantId, subscriptionId });
  if (!service || service.state === ServiceState.TERMINATED) return [];
  if (lastDay && lastDay >= today) {
    service.endsOn = lastDay;
    await em.flush();
    return [];
  }
  return terminateServices(em, [service]);
}

/** The customers subgraph cancelled the subscriber: all of its services end now. */
export async function terminateSubscriberServices(em: EntityManager, tenantId: string, subscriberId: string): Promise<Service[]> {
  return terminateServices(em, await em.find(Service, { tenantId, subscriberId }));
}

/** Services whose last paid day has passed (any tenant in scope). */
export async function terminateExpiredServices(em: EntityManager, today: LocalDate): Promise<Service[]> {
  return terminateServices(em, await em.find(Service, { endsOn: { $lt: today }, state: { $ne: ServiceState.TERMINATED } }, { limit: 500 }));
}
