import type { FilterQuery } from '@mikro-orm/core';
import { AppError, lockKey, paginate, SortDirection, type ConnectionArgs, type EntityManager, type LocalDate } from '@dotmac/kernel';
import { formatScaledDecimal, parseScaledDecimal } from '../money/rounding.js';
import { RATE_SCALE } from '../money/tax.js';
import { validJurisdiction } from '../settings/billing-settings.service.js';
import { TaxRate } from './tax-rate.entity.js';
import { TaxRateOrderField, type TaxRateOrder } from './tax-rate.input.js';
import { TaxRateType } from './tax-rate.type.js';

const HUNDRED_PERCENT = 100n * 10n ** BigInt(RATE_SCALE);

/** A percent strictly between 0 and 100 with at most four decimals, as canonical text ("7.25"). */
export function validRate(text: string): string {
  const scaled = parseScaledDecimal(text, RATE_SCALE);
  if (scaled === undefined || scaled <= 0n || scaled >= HUNDRED_PERCENT) {
    throw AppError.badInput('A rate is a percent greater than 0 and less than 100, with at most 4 decimals', 'rate');
  }
  return formatScaledDecimal(scaled, RATE_SCALE);
}

function validName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 100) throw AppError.badInput('Name must be 1–100 characters', 'name');
  return trimmed;
}

/** Serialises every change to one jurisdiction's rates in a tenant, so the overlap check cannot race. */
async function lockJurisdiction(em: EntityManager, tenantId: string, jurisdiction: string): Promise<void> {
  await lockKey(em, `tax-rate:${tenantId}:${jurisdiction}`);
}

/** Two rates of one jurisdiction and one name (case aside) never apply on the same day. */
async function refuseOverlap(em: EntityManager, rate: { id?: string; tenantId: string; jurisdiction: string; name: string; effectiveFrom: LocalDate; effectiveTo?: LocalDate }) {
  const [clash] = await em.execute<{ effective_from: string; effective_to: string | null }[]>(
    `select effective_from, effective_to from tax_rate
      where tenant_id = ? and jurisdiction = ? and lower(name) = lower(?) and id is distinct from ?::uuid
        and effective_from <= coalesce(?::date, 'infinity'::date) and coalesce(effective_to, 'infinity'::date) >= ?::date
      limit 1`,
    [rate.tenantId, rate.jurisdiction, rate.name, rate.id ?? null, rate.effectiveTo ?? null, rate.effectiveFrom],
  );
  if (clash) {
    throw AppError.conflict(
      `${rate.jurisdiction} already has a "${rate.name}" rate from ${clash.effective_from} to ${clash.effective_to ?? 'open end'}; end it first`,
      'effectiveFrom',
    );
  }
}

export interface NewTaxRate {
  name: string;
  jurisdiction: string;
  rate: string;
  effectiveFrom: LocalDate;
  effectiveTo?: LocalDate | null;
}

export async function createTaxRate(em: EntityManager, tenantId: string, input: NewTaxRate): Promise<TaxRate> {
  const name = validName(input.name);
  const jurisdiction = validJurisdiction(input.jurisdiction);
  const rate = validRate(input.rate);
  const effectiveTo = input.effectiveTo ?? undefined;
  if (effectiveTo && effectiveTo < input.effectiveFrom) throw AppError.badInput('effectiveTo is on or after effectiveFrom', 'effectiveTo');
  await lockJurisdiction(em, tenantId, jurisdiction);
  await refuseOverlap(em, { tenantId, jurisdiction, name, effectiveFrom: input.effectiveFrom, effectiveTo });
  const created = em.create(TaxRate, { tenantId, name, jurisdiction, rate, effectiveFrom: input.effectiveFrom, effectiveTo });
  await em.flush();
  return created;
}

/** The last issue date of an issued (or since voided) invoice that this rate taxed. */
async function lastIssueDateTaxed(em: EntityManager, taxRateId: string): Promise<LocalDate | undefined> {
  const [row] = await em.execute<{ last: string | null }[]>(
    `select max(i.issue_date)::text as last from invoice_line_tax t join invoice i on i.id = t.invoice_id
      where t.tax_rate_id = ? and i.status <> 'draft'`,
    [taxRateId],
  );
  return row?.last ?? undefined;
}

/**
 * Sets or moves a rate's last day. What issued invoices were taxed never becomes untrue: the new
 * end is on or after the last issue date the rate was applied on, and a rate that has already
 * lapsed is not reopened (invoices issued since were taxed without it; create a new rate instead).
 */
export async function endTaxRate(em: EntityManager, id: string, effectiveTo: LocalDate, today: LocalDate): Promise<TaxRate> {
  const rate = await em.findOne(TaxRate, { id });
  if (!rate) throw AppError.notFound('TaxRate');
  if (effectiveTo < rate.effectiveFrom) throw AppError.badInput(`effectiveTo is on or after effectiveFrom (${rate.effectiveFrom})`, 'effectiveTo');
  const lastTaxed = await lastIssueDateTaxed(em, rate.id);
  if (lastTaxed && effectiveTo < lastTaxed) {
    throw AppError.conflict(`Invoices issued up to ${lastTaxed} were taxed at this rate: it cannot end before then`, 'effectiveTo');
  }
  const extends_ = rate.effectiveTo != null && effectiveTo > rate.effectiveTo;
  if (extends_ && rate.effectiveTo! < today) {
    throw AppError.conflict(`The rate ended on ${rate.effectiveTo}; create a new rate instead of reopening it`, 'effectiveTo');
  }
  if (extends_) {
    await lockJurisdiction(em, rate.tenantId, rate.jurisdiction);
    await refuseOverlap(em, { ...rate, effectiveTo });
  }
  rate.effectiveTo = effectiveTo;
  await em.flush();
  return rate;
}

export interface TaxRateQuery {
  jurisdiction?: string | null;
  activeOn?: LocalDate | null;
}

export function listTaxRates(em: EntityManager, tenantId: string, query: TaxRateQuery, order: TaxRateOrder | undefined, args: ConnectionArgs) {
  const where: FilterQuery<TaxRate> & Record<string, unknown> = { tenantId };
  if (query.jurisdiction) where.jurisdiction = validJurisdiction(query.jurisdiction);
  if (query.activeOn) {
    where.effectiveFrom = { $lte: query.activeOn };
    where.$or = [{ effectiveTo: null }, { effectiveTo: { $gte: query.activeOn } }];
  }
  return paginate(
    em,
    TaxRate,
    { where, sortField: order?.field ?? TaxRateOrderField.JURISDICTION, sortDirection: order?.direction ?? SortDirection.ASC, args },
    TaxRateType.from,
  );
}
