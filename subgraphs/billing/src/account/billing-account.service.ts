import { AppError, type EntityManager } from '@dotmac/kernel';
import { settingsOf } from '../settings/billing-settings.service.js';
import { BillingAccount } from './billing-account.entity.js';

/**
 * The billing account of a subscriber, opened on first use with the tenant's currency and default
 * tax jurisdictions. `currency`, when given, must match the account's: one subscriber is billed in
 * one currency, so amounts never mix on an invoice or a balance.
 */
export async function ensureAccount(em: EntityManager, tenantId: string, subscriberId: string, currency?: string): Promise<BillingAccount> {
  let account = await em.findOne(BillingAccount, { subscriberId });
  if (!account) {
    const settings = await settingsOf(em, tenantId);
    await em.execute(
      `insert into billing_account (subscriber_id, tenant_id, currency, tax_jurisdictions, created_at, updated_at)
       values (?, ?, ?, ?, now(), now()) on conflict (subscriber_id) do nothing`,
      [subscriberId, tenantId, currency ?? settings.currency, `{${settings.defaultTaxJurisdictions.join(',')}}`],
    );
    account = await em.findOneOrFail(BillingAccount, { subscriberId });
  }
  if (currency && currency !== account.currency) {
    throw AppError.badInput(`This subscriber is billed in ${account.currency}; ${currency} cannot be mixed in`, 'currency');
  }
  return account;
}
