import { UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import { AppError, containsPattern, paginate, SortDirection, type ConnectionArgs, type EntityManager } from '@dotmac/kernel';
import { validAmount } from '../money/amount.js';
import { validCurrency } from '../money/currency.js';
import type { BillingInterval } from '../schedule/billing-schedule.js';
import { settingsOf } from '../settings/billing-settings.service.js';
import { PlanKind, PlanStatus, ServicePlan } from './service-plan.entity.js';
import { ServicePlanOrderField, type ServicePlanFilter, type ServicePlanOrder } from './service-plan.input.js';
import {
  checkKindTerms,
  validContractMonths,
  validDescription,
  validPlanCode,
  validPlanName,
  validSpeed,
  validUsagePricing,
  type UsagePricingSpec,
} from './service-plan.rules.js';
import { ServicePlanType } from './service-plan.type.js';

export interface NewPlan {
  code: string;
  name: string;
  description?: string | null;
  kind: PlanKind;
  interval?: BillingInterval | null;
  currency?: string | null;
  price: number;
  setupFee?: number | null;
  downloadKbps?: number | null;
  uploadKbps?: number | null;
  minContractMonths?: number | null;
  usagePricing?: UsagePricingSpec | null;
}

const duplicateCode = (code: string) => AppError.conflict(`Plan code ${code} is taken`, 'code');

export async function createPlan(em: EntityManager, tenantId: string, input: NewPlan): Promise<ServicePlan> {
  const code = validPlanCode(input.code);
  const minContractMonths = validContractMonths(input.minContractMonths ?? 0);
  checkKindTerms(input.kind, input.interval, minContractMonths);
  if (input.usagePricing && input.kind !== PlanKind.RECURRING) {
    throw AppError.badInput('Usage is billed in arrears each period: only recurring plans price usage', 'usagePricing');
  }
  const values = {
    tenantId,
    code,
    name: validPlanName(input.name),
    description: validDescription(input.description),
    kind: input.kind,
    interval: input.interval ?? undefined,
    currency: input.currency != null ? validCurrency(input.currency) : (await settingsOf(em, tenantId)).currency,
    priceMinor: validAmount(input.price, 'price', { allowZero: true }),
    setupFeeMinor: validAmount(input.setupFee ?? 0, 'setupFee', { allowZero: true }),
    downloadKbps: validSpeed(input.downloadKbps, 'downloadKbps'),
    uploadKbps: validSpeed(input.uploadKbps, 'uploadKbps'),
    minContractMonths,
    ...(input.usagePricing ? validUsagePricing(input.usagePricing) : {}),
  };
  // Counted before the entity exists: a pending insert would be flushed (and counted) by the query.
  if (await em.count(ServicePlan, { tenantId, code })) throw duplicateCode(code);
  const plan = em.create(ServicePlan, values);
  // Two concurrent creates both pass the count: the unique constraint decides, and the loser gets CONFLICT.
  await em.flush().catch((error: unknown) => {
    if (error instanceof UniqueConstraintViolationException) throw duplicateCode(code);
    throw error;
  });
  return plan;
}

export interface PlanChanges {
  name?: string | null;
  description?: string | null;
  price?: number | null;
  setupFee?: number | null;
  currency?: string | null;
  downloadKbps?: number | null;
  uploadKbps?: number | null;
  minContractMonths?: number | null;
}

export async function findPlan(em: EntityManager, id: string): Promise<ServicePlan> {
  const plan = await em.findOne(ServicePlan, { id });
  if (!plan) throw AppError.notFound('ServicePlan');
  return plan;
}

const hasSubscriptions = async (em: EntityManager, planId: string): Promise<boolean> =>
  (await em.execute(`select 1 from subscription where plan_id = ? limit 1`, [planId])).length > 0;

/**
 * Changes a plan. Invoices keep the amounts they were issued with, so a new price applies to the
 * periods billed from now on; the currency is fixed once a subscription bills in it.
 */
export async function updatePlan(em: EntityManager, id: string, changes: PlanChanges): Promise<ServicePlan> {
  const plan = await findPlan(em, id);
  if (changes.name != null) plan.name = validPlanName(changes.name);
  if (changes.description !== undefined) plan.description = validDescription(changes.description);
  if (changes.price != null) plan.priceMinor = validAmount(changes.price, 'price', { allowZero: true });
  if (changes.setupFee != null) plan.setupFeeMinor = validAmount(changes.setupFee, 'setupFee', { allowZero: true });
  if (changes.downloadKbps !== undefined) plan.downloadKbps = validSpeed(changes.downloadKbps, 'downloadKbps');
  if (changes.uploadKbps !== undefined) plan.uploadKbps = validSpeed(changes.uploadKbps, 'uploadKbps');
  if (changes.minContractMonths != null) {
    plan.minContractMonths = validContractMonths(changes.minContractMonths);
    checkKindTerms(plan.kind, plan.interval, plan.minContractMonths);
  }
  if (changes.currency != null) {
    const currency = validCurrency(changes.currency);
    if (currency !== plan.currency && (await hasSubscriptions(em, plan.id))) {
      throw AppError.conflict('The currency of a plan cannot change once it has subscriptions', 'currency');
    }
    plan.currency = currency;
  }
  await em.flush();
  return plan;
}

/** Archives or restores a plan; archived plans keep their subscriptions but take no new ones. */
export async function setPlanStatus(em: EntityManager, id: string, status: PlanStatus): Promise<ServicePlan> {
  const plan = await findPlan(em, id);
  plan.status = status;
  await em.flush();
  return plan;
}

/** Plans a portal subscriber may see: the ones it subscribes to. */
async function planIdsOfSubscriber(em: EntityManager, subscriberId: string): Promise<string[]> {
  const rows = await em.execute<{ plan_id: string }[]>(`select distinct plan_id from subscription where subscriber_id = ?`, [subscriberId]);
  return rows.map((row) => row.plan_id);
}

/** One plan, if the reader may see it (`subscriberId` narrows a portal reader to its own plans). */
export async function visiblePlan(em: EntityManager, id: string, subscriberId?: string): Promise<ServicePlan> {
  const plan = await em.findOne(ServicePlan, { id });
  if (!plan || (subscriberId && !(await planIdsOfSubscriber(em, subscriberId)).includes(id))) throw AppError.notFound('ServicePlan');
  return plan;
}

export async function listPlans(
  em: EntityManager,
  tenantId: string,
  subscriberId: string | undefined,
  filter: ServicePlanFilter | undefined,
  order: ServicePlanOrder | undefined,
  args: ConnectionArgs,
) {
  const where: FilterQuery<ServicePlan> & Record<string, unknown> = { tenantId };
  if (subscriberId) where.id = { $in: await planIdsOfSubscriber(em, subscriberId) };
  if (filter?.status?.length) where.status = { $in: filter.status };
  if (filter?.kind?.length) where.kind = { $in: filter.kind };
  if (filter?.search?.trim()) {
    const pattern = containsPattern(filter.search);
    where.$or = [{ code: { $ilike: pattern } }, { name: { $ilike: pattern } }, { description: { $ilike: pattern } }];
  }
  return paginate(
    em,
    ServicePlan,
    { where, sortField: order?.field ?? ServicePlanOrderField.NAME, sortDirection: order?.direction ?? SortDirection.ASC, args },
    ServicePlanType.from,
  );
}
