import { AppError, fromGlobalId } from '@dotmac/kernel';
import { objectReader } from '../access/read-scope.js';
import type { BillingContext } from '../context.js';
import { TaxRate } from './tax-rate.entity.js';
import { TaxRateType } from './tax-rate.type.js';

/** Resolves TaxRate entities for the gateway (e.g. `node(id)`); staff only, others' are NOT_FOUND. */
export async function resolveTaxRateReference(reference: { id: string }, ctx: BillingContext): Promise<TaxRateType> {
  const { type, id } = fromGlobalId(reference.id);
  const reader = objectReader(ctx.viewer);
  const row = type === 'TaxRate' && !reader.subscriberId ? await ctx.db.run(reader.scope, (em) => em.findOne(TaxRate, { id })) : null;
  if (!row) throw AppError.notFound('TaxRate', reference.id);
  return TaxRateType.from(row);
}
