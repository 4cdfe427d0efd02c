import { AppError, fromGlobalId } from '@dotmac/kernel';
import { objectReader } from '../access/read-scope.js';
import type { BillingContext } from '../context.js';
import { ServicePlanType } from './service-plan.type.js';
import { visiblePlan } from './service-plan.service.js';

/** Resolves ServicePlan entities for the gateway (e.g. `node(id)`); one the viewer may not see is NOT_FOUND. */
export async function resolveServicePlanReference(reference: { id: string }, ctx: BillingContext): Promise<ServicePlanType> {
  const { type, id } = fromGlobalId(reference.id);
  if (type !== 'ServicePlan') throw AppError.notFound('ServicePlan', reference.id);
  const reader = objectReader(ctx.viewer);
  if (reader.subscriberId) return ctx.db.run(reader.scope, async (em) => ServicePlanType.from(await visiblePlan(em, id, reader.subscriberId)));
  const row = await ctx.loaders.planById.load(id);
  if (!row) throw AppError.notFound('ServicePlan', reference.id);
  return ServicePlanType.from(row);
}
