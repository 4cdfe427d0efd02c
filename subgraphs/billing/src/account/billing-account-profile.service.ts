import { AppError, type EntityManager } from '@dotmac/kernel';
import { settingsOf, validJurisdiction } from '../settings/billing-settings.service.js';
import { EXEMPT_FROM_ALL } from '../tax/tax-calculation.js';
import { BillingAccount } from './billing-account.entity.js';
import { ensureAccount } from './billing-account.service.js';

const MAX_JURISDICTIONS = 20;

function jurisdictionList(codes: readonly string[], field: string): string[] {
  if (codes.length > MAX_JURISDICTIONS) throw AppError.badInput(`At most ${MAX_JURISDICTIONS} jurisdictions`, field);
  return [...new Set(codes.map((code) => validJurisdiction(code, field)))];
}

/** Exempt from everything ("*") stands alone; otherwise a list of jurisdictions. */
function exemptionList(codes: readonly string[]): string[] {
  if (codes.some((code) => code.trim() === EXEMPT_FROM_ALL)) return [EXEMPT_FROM_ALL];
  return jurisdictionList(codes, 'taxExemptJurisdictions');
}

/**
 * A subscriber's account as billing would open it, without writing it: reads never create rows.
 * Another tenant's subscriber is invisible under row-level security, so it reads as a fresh account.
 */
export async function accountOrDefaults(em: EntityManager, tenantId: string, subscriberId: string): Promise<BillingAccount> {
  const account = await em.findOne(BillingAccount, { subscriberId });
  if (account) return account;
  const settings = await settingsOf(em, tenantId);
  return Object.assign(new BillingAccount(), { subscriberId, tenantId, currency: settings.currency, taxJurisdictions: settings.defaultTaxJurisdictions, taxExemptJurisdictions: [], delinquent: false });
}

export interface AccountChanges {
  taxJurisdictions?: string[] | null;
  taxExemptJurisdictions?: string[] | null;
  taxExemptionReference?: string | null;
}

/** Where a subscriber pays tax and what it is exempt from; exemptions apply from the next invoice issued. */
export async function updateAccount(em: EntityManager, tenantId: string, subscriberId: string, changes: AccountChanges): Promise<BillingAccount> {
  const account = await ensureAccount(em, tenantId, subscriberId);
  if (changes.taxJurisdictions != null) account.taxJurisdictions = jurisdictionList(changes.taxJurisdictions, 'taxJurisdictions');
  if (changes.taxExemptJurisdictions != null) account.taxExemptJurisdictions = exemptionList(changes.taxExemptJurisdictions);
  if (changes.taxExemptionReference !== undefined) {
    const reference = changes.taxExemptionReference?.trim() || undefined;
    if (reference && reference.length > 100) throw AppError.badInput('An exemption reference is at most 100 characters', 'taxExemptionReference');
    account.taxExemptionReference = reference;
  }
  await em.flush();
  return account;
}
