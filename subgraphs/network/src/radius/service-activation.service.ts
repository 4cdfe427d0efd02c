import { AppError, expectGlobalId, type EntityManager } from '@dotmac/kernel';
import type { CredentialCipher } from '../credentials/credential-cipher.js';
import { notFoundIn } from '../shared/errors.js';
import { conflictOnUnique } from '../shared/unique-violation.js';
import { removeUserRows } from './radius-rows.js';
import { assignStaticAddress, releaseStaticAddress } from './service-address.js';
import { generatedPassword, generatedUsername, validPassword, validUsername } from './service-credentials.js';
import { passwordContext, Service, ServiceState } from './service.entity.js';
import { isSuspensionHeld, syncServiceRows } from './service-rows.js';

const MAX_KBPS = 100_000_000;

const UNIQUE_RULES = {
  subscriber_service_username_unique: { message: 'That username is taken', field: 'username' },
  subscriber_service_subscription_unique: { message: 'That subscription already has a service', field: 'subscriptionId' },
};

/** What billing says about an active subscription (speeds in kbit/s; none means unlimited). */
export interface SubscriptionTerms {
  subscriptionId: string;
  subscriberId: string;
  planId: string;
  downloadKbps: number | null;
  uploadKbps: number | null;
}

function validSpeed(kbps: number | null | undefined, field: string): number | null {
  if (kbps == null) return null;
  if (!Number.isInteger(kbps) || kbps <= 0 || kbps > MAX_KBPS) throw AppError.badInput(`A speed is a whole number of kbit/s between 1 and ${MAX_KBPS}`, field);
  return kbps;
}

interface NewService {
  subscriberId: string;
  subscriptionId?: string | null;
  planId?: string | null;
  username: string;
  password: string;
  downloadKbps: number | null;
  uploadKbps: number | null;
  staticIpPoolId?: string | null;
}

async function createService(em: EntityManager, cipher: CredentialCipher, tenantId: string, fields: NewService, actorId?: string): Promise<Service> {
  const held = await isSuspensionHeld(em, fields.subscriberId);
  const service = em.create(Service, {
    tenantId,
    subscriberId: fields.subscriberId,
    subscriptionId: fields.subscriptionId ?? null,
    planId: fields.planId ?? null,
    username: fields.username,
    passwordSealed: '',
    downloadKbps: fields.downloadKbps,
    uploadKbps: fields.uploadKbps,
    state: held ? ServiceState.SUSPENDED : ServiceState.ACTIVE,
    suspendedAt: held ? new Date() : null,
  });
  service.passwordSealed = cipher.seal(fields.password, passwordContext(service.id));
  await conflictOnUnique(() => em.flush(), UNIQUE_RULES);
  if (fields.staticIpPoolId) await assignStaticAddress(em, service, fields.staticIpPoolId, actorId);
  await syncServiceRows(em, cipher, service);
  return service;
}

/**
 * Billing activated a subscription: its service is created with generated credentials (suspended
 * at once when the subscriber is held as delinquent). A service that already exists takes the
 * terms again; a terminated one stays terminated. Either way the outcome is the same however often
 * the news arrives.
 */
export async function activateForSubscription(em: EntityManager, cipher: CredentialCipher, tenantId: string, terms: SubscriptionTerms): Promise<Service> {
  const existing = await em.findOne(Service, { tenantId, subscriptionId: terms.subscriptionId });
  if (existing) return changeServiceTerms(em, cipher, existing, terms);
  return createService(em, cipher, tenantId, {
    ...terms,
    username: generatedUsername(tenantId),
    password: generatedPassword(),
  });
}

/** New plan speeds for a live service; a terminated service is left alone. */
export async function changeServiceTerms(em: EntityManager, cipher: CredentialCipher, service: Service, terms: Pick<SubscriptionTerms, 'planId' | 'downloadKbps' | 'uploadKbps'>): Promise<Service> {
  if (service.state === ServiceState.TERMINATED) return service;
  service.planId = terms.planId;
  service.downloadKbps = terms.downloadKbps;
  service.uploadKbps = terms.uploadKbps;
  await syncServiceRows(em, cipher, service);
  return service;
}

export interface ServiceProvisioning {
  subscriberId: string;
  subscriptionId?: string | null;
  planId?: string | null;
  username?: string | null;
  password?: string | null;
  downloadKbps?: number | null;
  uploadKbps?: number | null;
  staticIpPoolId?: string | null;
}

/** An operator provisions a service by hand: chosen or generated credentials, speeds, a static address. */
export async function provisionService(em: EntityManager, cipher: CredentialCipher, tenantId: string, input: ServiceProvisioning, actorId?: string): Promise<Service> {
  return createService(
    em,
    cipher,
    tenantId,
    {
      subscriberId: expectGlobalId(input.subscriberId, 'Subscriber', 'subscriberId'),
      subscriptionId: input.subscriptionId ? expectGlobalId(input.subscriptionId, 'Subscription', 'subscriptionId') : null,
      planId: input.planId ? expectGlobalId(input.planId, 'ServicePlan', 'planId') : null,
      username: input.username != null ? validUsername(input.username) : generatedUsername(tenantId),
      password: input.password != null ? validPassword(input.password) : generatedPassword(),
      downloadKbps: validSpeed(input.downloadKbps, 'downloadKbps'),
      uploadKbps: validSpeed(input.uploadKbps, 'uploadKbps'),
      staticIpPoolId: input.staticIpPoolId,
    },
    actorId,
  );
}

export interface ServiceChange {
  username?: string | null;
  password?: string | null;
  /** A pool to take a (new) static address from; null gives the address back. */
  staticIpPoolId?: string | null;
  downloadKbps?: number | null;
  uploadKbps?: number | null;
}

/** Changes a live service's credentials, address or speeds; absent fields stay. */
export async function updateService(em: EntityManager, cipher: CredentialCipher, serviceGlobalId: string, change: ServiceChange, actorId?: string): Promise<Service> {
  const service = await findService(em, serviceGlobalId);
  if (service.state === ServiceState.TERMINATED) throw AppError.conflict('A terminated service cannot change', 'serviceId');
  if (change.username != null && change.username !== service.username) {
    const username = validUsername(change.username);
    await removeUserRows(em, service.username);
    service.username = username;
    await conflictOnUnique(() => em.flush(), UNIQUE_RULES);
  }
  if (change.password != null) service.passwordSealed = cipher.seal(validPassword(change.password), passwordContext(service.id));
  if (change.downloadKbps !== undefined) service.downloadKbps = validSpeed(change.downloadKbps, 'downloadKbps');
  if (change.uploadKbps !== undefined) service.uploadKbps = validSpeed(change.uploadKbps, 'uploadKbps');
  if (change.staticIpPoolId !== undefined) {
    await releaseStaticAddress(em, service, actorId);
    if (change.staticIpPoolId !== null) await assignStaticAddress(em, service, change.staticIpPoolId, actorId);
  }
  await syncServiceRows(em, cipher, service);
  return service;
}

/** A service of the reader's tenant by global id; another tenant's is NOT_FOUND. */
export async function findService(em: EntityManager, serviceGlobalId: string, field = 'serviceId'): Promise<Service> {
  const service = await em.findOne(Service, { id: expectGlobalId(serviceGlobalId, 'Service', field) });
  if (!service) throw notFoundIn('Service', field);
  return service;
}
