import { isLocalDate, type DomainEvent, type LocalDate } from '@dotmac/kernel';
import type { SubscriptionTerms } from './service-activation.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Payload = Record<string, unknown>;

const uuidOf = (value: unknown): string | undefined => (typeof value === 'string' && UUID.test(value) ? value.toLowerCase() : undefined);
const speedOf = (value: unknown): number | null => (Number.isInteger(value) && (value as number) > 0 ? (value as number) : null);

/** The event's tenant: the envelope's, which a payload may repeat but not contradict. */
export function tenantOfEvent(event: DomainEvent): string | undefined {
  const payload = event.payload as Payload;
  const tenantId = uuidOf(event.tenantId ?? payload.tenantId);
  if (payload.tenantId !== undefined && uuidOf(payload.tenantId) !== tenantId) return undefined;
  return tenantId;
}

export const subscriberOfEvent = (event: DomainEvent): string | undefined => uuidOf((event.payload as Payload).subscriberId);

/** Terms of `billing.subscription.activated` / `.plan_changed`; undefined when the ids are unusable. */
export function termsOfEvent(event: DomainEvent): SubscriptionTerms | undefined {
  const payload = event.payload as Payload;
  const subscriptionId = uuidOf(payload.subscriptionId);
  const subscriberId = uuidOf(payload.subscriberId);
  const planId = uuidOf(payload.planId);
  if (!subscriptionId || !subscriberId || !planId) return undefined;
  return { subscriptionId, subscriberId, planId, downloadKbps: speedOf(payload.downloadKbps), uploadKbps: speedOf(payload.uploadKbps) };
}

/** `billing.subscription.ended`: the subscription and its last day of service (null: none left). */
export function endingOfEvent(event: DomainEvent): { subscriptionId: string; lastDay: LocalDate | null } | undefined {
  const payload = event.payload as Payload;
  const subscriptionId = uuidOf(payload.subscriptionId);
  if (!subscriptionId) return undefined;
  return { subscriptionId, lastDay: isLocalDate(payload.lastDay) ? payload.lastDay : null };
}
