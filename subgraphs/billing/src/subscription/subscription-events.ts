import { recordEvent, recordEvents, type EntityManager, type LocalDate } from '@dotmac/kernel';
import type { ServicePlan } from '../plan/service-plan.entity.js';
import type { Subscription } from './subscription.entity.js';

/**
 * What billing tells the network about subscriptions, recorded in the transaction of the change.
 * Speeds are the plan's, in kbit/s (null: unlimited).
 */
export const SubscriptionTopic = {
  /** A recurring subscription was created: provision its service. */
  ACTIVATED: 'billing.subscription.activated',
  /** It moved to another plan: new speeds. */
  PLAN_CHANGED: 'billing.subscription.plan_changed',
  /** It was cancelled or terminated: service ends after `lastDay` (null: no day left). */
  ENDED: 'billing.subscription.ended',
} as const;

const terms = (subscription: Subscription, plan: ServicePlan) => ({
  subscriptionId: subscription.id,
  subscriberId: subscription.subscriberId,
  tenantId: subscription.tenantId,
  planId: plan.id,
  downloadKbps: plan.downloadKbps ?? null,
  uploadKbps: plan.uploadKbps ?? null,
});

export function recordSubscriptionActivated(em: EntityManager, subscription: Subscription, plan: ServicePlan): void {
  recordEvent(em, SubscriptionTopic.ACTIVATED, subscription.tenantId, { ...terms(subscription, plan), startDate: subscription.startDate });
}

export function recordPlanChanged(em: EntityManager, subscription: Subscription, previousPlan: ServicePlan, plan: ServicePlan, effectiveDate: LocalDate): void {
  recordEvent(em, SubscriptionTopic.PLAN_CHANGED, subscription.tenantId, { ...terms(subscription, plan), previousPlanId: previousPlan.id, effectiveDate });
}

export interface EndedSubscription {
  subscriptionId: string;
  subscriberId: string;
  lastDay: LocalDate | null;
}

export async function recordSubscriptionsEnded(em: EntityManager, tenantId: string, ended: readonly EndedSubscription[], reason: string): Promise<void> {
  await recordEvents(
    em,
    SubscriptionTopic.ENDED,
    ended.map((subscription) => ({ tenantId, payload: { ...subscription, tenantId, reason } })),
  );
}

/** Rows of an `update subscription … returning id, subscriber_id, end_date` as ended subscriptions. */
export const endedRows = (rows: readonly { id: string; subscriber_id: string; end_date: unknown }[]): EndedSubscription[] =>
  rows.map((row) => ({ subscriptionId: row.id, subscriberId: row.subscriber_id, lastDay: row.end_date == null ? null : String(row.end_date) }));
