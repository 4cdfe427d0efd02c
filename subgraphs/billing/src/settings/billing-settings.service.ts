import { AppError, type EntityManager } from '@dotmac/kernel';
import { validCurrency } from '../money/currency.js';
import { BillingSettings } from './billing-settings.entity.js';

/** The currency a tenant bills in until it chooses one. */
export const DEFAULT_CURRENCY = 'USD';

const JURISDICTION = /^[A-Z0-9][A-Z0-9-]{0,31}$/;
const PREFIX = /^[A-Za-z0-9-/]{0,12}$/;

/** A tax jurisdiction code such as "US-CA" or "US-CA-LA", upper-cased. */
export function validJurisdiction(code: string, field = 'jurisdiction'): string {
  const upper = code.trim().toUpperCase();
  if (!JURISDICTION.test(upper)) throw AppError.badInput(`Jurisdiction "${code}" must be 1–32 letters, digits or "-"`, field);
  return upper;
}

/** The tenant's settings, or its defaults when it never set any (not written until it does). */
export async function settingsOf(em: EntityManager, tenantId: string): Promise<BillingSettings> {
  return (await em.findOne(BillingSettings, { tenantId })) ?? defaults(tenantId);
}

function defaults(tenantId: string): BillingSettings {
  return Object.assign(new BillingSettings(), { tenantId, currency: DEFAULT_CURRENCY, defaultTaxJurisdictions: [], invoicePrefix: 'INV-', creditNotePrefix: 'CN-' });
}

export interface SettingsChanges {
  currency?: string | null;
  defaultTaxJurisdictions?: string[] | null;
  invoicePrefix?: string | null;
  creditNotePrefix?: string | null;
}

export async function updateSettings(em: EntityManager, tenantId: string, changes: SettingsChanges): Promise<BillingSettings> {
  let settings = await em.findOne(BillingSettings, { tenantId });
  if (!settings) settings = em.create(BillingSettings, { tenantId, currency: DEFAULT_CURRENCY });
  if (changes.currency != null) {
    const currency = validCurrency(changes.currency);
    if (currency !== settings.currency && (await em.execute(`select 1 from invoice where tenant_id = ? limit 1`, [tenantId])).length) {
      throw AppError.conflict('The billing currency cannot change once invoices exist', 'currency');
    }
    settings.currency = currency;
  }
  if (changes.defaultTaxJurisdictions != null) {
    settings.defaultTaxJurisdictions = [...new Set(changes.defaultTaxJurisdictions.map((code) => validJurisdiction(code, 'defaultTaxJurisdictions')))];
  }
  for (const key of ['invoicePrefix', 'creditNotePrefix'] as const) {
    const value = changes[key];
    if (value == null) continue;
    if (!PREFIX.test(value)) throw AppError.badInput('A number prefix is up to 12 letters, digits, "-" or "/"', key);
    settings[key] = value;
  }
  await em.flush();
  return settings;
}
