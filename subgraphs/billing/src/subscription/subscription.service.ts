import type { FilterQuery } from '@mikro-orm/core';
import { addDays, addMonths, AppError, paginate, parts, SortDirection, type ConnectionArgs, type EntityManager, type LocalDate } from '@dotmac/kernel';
import { ensureAccount } from '../account/billing-account.service.js';
import { validAmount } from '../money/amount.js';
import { PlanKind, PlanStatus, ServicePlan } from '../plan/service-plan.entity.js';
import { BillingDayMode, firstPeriodIndex, periodAt, periodContaining, scheduleFor } from '../schedule/billing-schedule.js';
import { recordSubscriptionActivated, recordSubscriptionsEnded } from './subscription-events.js';
import { scheduleOf } from './subscription-schedule.js';
import { Subscription, SubscriptionStatus } from './subscription.entity.js';
import { SubscriptionOrderField, type SubscriptionOrder } from './subscription.input.js';
import { SubscriptionType } from './subscription.type.js';

export const MAX_QUANTITY = 10_000;
/** How far back a start date may lie: older services would be back-billed period by period. */
export const MAX_BACKDATE_DAYS = 366;
/** How far ahead a start date may lie. */
export const MAX_START_AHEAD_MONTHS = 24;

export interface NewSubscription {
  subscriberId: string;
  planId: string;
  startDate?: LocalDate | null;
  billingDayMode?: BillingDayMode | null;
  billingDay?: number | null;
  quantity?: number | null;
  priceOverride?: number | null;
}

function validQuantity(quantity: number): number {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) throw AppError.badInput(`Quantity is a whole number from 1 to ${MAX_QUANTITY}`, 'quantity');
  return quantity;
}

function validStartDate(startDate: LocalDate, today: LocalDate): LocalDate {
  if (startDate < addDays(today, -MAX_BACKDATE_DAYS)) throw AppError.badInput(`A start date is at most ${MAX_BACKDATE_DAYS} days in the past`, 'startDate');
  if (startDate > addMonths(today, MAX_START_AHEAD_MONTHS)) throw AppError.badInput(`A start date is at most ${MAX_START_AHEAD_MONTHS} months ahead`, 'startDate');
  return startDate;
}

/** The billing day a schedule runs on: the start day for anniversaries, the chosen day otherwise. */
function billingDayFor(mode: BillingDayMode, billingDay: number | null | undefined, startDate: LocalDate): number {
  if (billingDay != null && (!Number.isInteger(billingDay) || billingDay < 1 || billingDay > 31)) throw AppError.badInput('A billing day is 1–31', 'billingDay');
  if (mode === BillingDayMode.FIXED_DAY) {
    if (billingDay == null) throw AppError.badInput('A fixed-day schedule names its billing day', 'billingDay');
    return billingDay;
  }
  const startDay = parts(startDate).day;
  if (billingDay != null && billingDay !== startDay) throw AppError.badInput('An anniversary schedule bills on the start day; choose FIXED_DAY for another day', 'billingDay');
  return startDay;
}

async function activePlan(em: EntityManager, planId: string): Promise<ServicePlan> {
  const plan = await em.findOne(ServicePlan, { id: planId });
  if (!plan) throw AppError.notFound('ServicePlan');
  if (plan.status !== PlanStatus.ACTIVE) throw AppError.conflict(`Plan ${plan.code} is archived and takes no new subscriptions`, 'planId');
  return plan;
}

/**
 * Subscribes a subscriber to an active plan. The subscriber's billing account is opened in the
 * plan's currency (or must already bill in it), and the schedule is fixed now: anchor, billing day
 * and the first period to bill. One-time plans are billed once, on the start date.
 */
export async function createSubscription(em: EntityManager, tenantId: string, input: NewSubscription, today: LocalDate): Promise<Subscription> {
  const quantity = validQuantity(input.quantity ?? 1);
  const priceOverrideMinor = input.priceOverride != null ? validAmount(input.priceOverride, 'priceOverride', { allowZero: true }) : undefined;
  const startDate = validStartDate(input.startDate ?? today, today);
  const mode = input.billingDayMode ?? BillingDayMode.ANNIVERSARY;
  const billingDay = billingDayFor(mode, input.billingDay, startDate);
  const plan = await activePlan(em, input.planId);
  await ensureAccount(em, tenantId, input.subscriberId, plan.currency);
  const common = { tenantId, subscriberId: input.subscriberId, planId: plan.id, quantity, priceOverrideMinor, startDate };
  if (plan.kind === PlanKind.ONE_TIME) {
    if (mode === BillingDayMode.FIXED_DAY) throw AppError.badInput('A one-time plan is billed once, on its start date', 'billingDayMode');
    const subscription = em.create(Subscription, {
      ...common, billingDayMode: BillingDayMode.ANNIVERSARY, billingDay, anchorDate: startDate, nextPeriodIndex: 0, nextBillDate: startDate,
    });
    await em.flush();
    return subscription;
  }
  const schedule = scheduleFor(startDate, plan.interval!, mode, billingDay);
  const first = firstPeriodIndex(schedule);
  const subscription = em.create(Subscription, {
    ...common,
    billingDayMode: mode,
    billingDay: schedule.billingDay,
    anchorDate: schedule.anchorDate,
    nextPeriodIndex: first,
    nextBillDate: periodAt(schedule, first).start,
    contractEndDate: plan.minContractMonths > 0 ? addMonths(startDate, plan.minContractMonths) : undefined,
  });
  await em.flush();
  recordSubscriptionActivated(em, subscription, plan);
  return subscription;
}

export interface Cancellation {
  effectiveDate?: LocalDate | null;
  overrideContract?: boolean | null;
}

/**
 * Cancels a subscription from `effectiveDate` (the first day without service; by default the end of
 * the current period). Nothing already invoiced is undone here: refunds are credit notes. A date
 * inside the minimum contract needs `overrideContract`. Periods before the end are still billed;
 * `nextBillDate` turns null when none are left.
 */
export async function cancelSubscription(em: EntityManager, id: string, cancellation: Cancellation, today: LocalDate): Promise<Subscription> {
  const subscription = await visibleSubscription(em, id);
  if (subscription.status !== SubscriptionStatus.ACTIVE) throw AppError.conflict(`The subscription is already ${subscription.status}`, 'subscriptionId');
  const plan = await em.findOneOrFail(ServicePlan, { id: subscription.planId });
  subscription.status = SubscriptionStatus.CANCELLED;
  subscription.cancelledAt = new Date();
  const schedule = scheduleOf(subscription, plan);
  if (!schedule) {
    // A one-time charge not yet billed: cancelling drops it.
    if (cancellation.effectiveDate) throw AppError.badInput('A one-time subscription has no service period to end', 'effectiveDate');
    subscription.nextBillDate = undefined;
    await em.flush();
    return subscription;
  }
  const effective = cancellation.effectiveDate ?? periodContaining(schedule, today < subscription.startDate ? subscription.startDate : today).end;
  if (effective < today) throw AppError.badInput('A cancellation cannot take effect in the past; correct invoices with credit notes', 'effectiveDate');
  if (effective <= subscription.startDate) throw AppError.badInput(`A cancellation takes effect after the start date (${subscription.startDate})`, 'effectiveDate');
  if (subscription.contractEndDate && effective < subscription.contractEndDate && !cancellation.overrideContract) {
    throw AppError.conflict(`The minimum contract runs until ${subscription.contractEndDate}; pass overrideContract to end it earlier`, 'effectiveDate');
  }
  subscription.endDate = addDays(effective, -1);
  if (subscription.nextBillDate && subscription.nextBillDate >= effective) subscription.nextBillDate = undefined;
  await em.flush();
  await recordSubscriptionsEnded(em, subscription.tenantId, [{ subscriptionId: subscription.id, subscriberId: subscription.subscriberId, lastDay: subscription.endDate }], 'cancelled');
  return subscription;
}

/** One subscription, if the reader may see it (`subscriberId` narrows a portal reader to its own). */
export async function visibleSubscription(em: EntityManager, id: string, subscriberId?: string): Promise<Subscription> {
  const subscription = await em.findOne(Subscription, subscriberId ? { id, subscriberId } : { id });
  if (!subscription) throw AppError.notFound('Subscription');
  return subscription;
}

export interface SubscriptionQuery {
  /** Every one of them must match (a portal reader's own id and the one it filters on). */
  subscriberIds: string[];
  planId?: string;
  status?: SubscriptionStatus[] | null;
}

export function listSubscriptions(em: EntityManager, tenantId: string, query: SubscriptionQuery, order: SubscriptionOrder | undefined, args: ConnectionArgs) {
  const where: FilterQuery<Subscription> & Record<string, unknown> = { tenantId };
  if (query.subscriberIds.length) where.$and = query.subscriberIds.map((subscriberId) => ({ subscriberId }));
  if (query.planId) where.planId = query.planId;
  if (query.status?.length) where.status = { $in: query.status };
  return paginate(
    em,
    Subscription,
    { where, sortField: order?.field ?? SubscriptionOrderField.CREATED_AT, sortDirection: order?.direction ?? SortDirection.ASC, args },
    SubscriptionType.from,
  );
}

/** Subscriptions of many subscribers in one statement (the `Subscriber.subscriptions` loader). */
export async function subscriptionsOfSubscribers(em: EntityManager, subscriberIds: readonly string[]): Promise<Map<string, Subscription[]>> {
  const rows = await em.find(Subscription, { subscriberId: { $in: [...subscriberIds] } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  const bySubscriber = new Map<string, Subscription[]>();
  for (const row of rows) bySubscriber.set(row.subscriberId, [...(bySubscriber.get(row.subscriberId) ?? []), row]);
  return bySubscriber;
}
