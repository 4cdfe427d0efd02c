import DataLoader from 'dataloader';
import type { Connection, Database, EntityManager, Scope } from '@dotmac/kernel';
import type { InvoiceNode } from '../invoice/invoice.type.js';
import { uuidArray } from '@dotmac/kernel';
import { DEFAULT_CURRENCY } from '../settings/billing-settings.service.js';
import { invoicePagesBySubscriber, type SubscriberInvoicePage } from './subscriber-invoices.js';

/** What a subscriber owes: open invoice balances, and its account credit (unallocated payments). */
export interface LedgerSummary {
  currency: string;
  openMinor: number;
  creditMinor: number;
}

/**
 * Open balances and credit of many subscribers in ONE statement. A subscriber without a billing
 * account owes nothing, in its tenant's currency (the default currency when the tenant is not known,
 * i.e. for platform admins).
 */
export async function ledgerSummaries(em: EntityManager, subscriberIds: readonly string[], tenantId: string | undefined): Promise<Map<string, LedgerSummary>> {
  const rows = await em.execute<{ subscriber_id: string; currency: string; open_minor: string; credit_minor: string }[]>(
    `select s.id as subscriber_id,
       coalesce(a.currency, bs.currency, ?) as currency,
       coalesce((select sum(total_minor - credited_minor - paid_minor) from invoice i
                 where i.subscriber_id = s.id and i.status in ('issued', 'partially_paid', 'overdue')), 0) as open_minor,
       coalesce((select sum(unallocated_minor) from payment p where p.subscriber_id = s.id and p.unallocated_minor > 0), 0) as credit_minor
     from unnest(?::uuid[]) as s(id)
     left join billing_account a on a.subscriber_id = s.id
     left join billing_settings bs on bs.tenant_id = coalesce(a.tenant_id, ?::uuid)`,
    [DEFAULT_CURRENCY, uuidArray(subscriberIds), tenantId ?? null],
  );
  return new Map(
    rows.map((row) => [row.subscriber_id, { currency: row.currency.trim(), openMinor: Number(row.open_minor), creditMinor: Number(row.credit_minor) }]),
  );
}

/** Per-request loaders of the ledger fields Billing adds to Subscriber. */
export function createSubscriberLedgerLoaders(db: Database, scope: Scope | undefined) {
  const tenantId = scope?.kind === 'tenant' ? scope.tenantId : undefined;
  const invoicePages = new Map<string, DataLoader<string, Connection<InvoiceNode>>>();
  return {
    summaryBySubscriber: new DataLoader<string, LedgerSummary>(async (ids) => {
      const summaries = scope ? await db.run(scope, (em) => ledgerSummaries(em, ids, tenantId)) : new Map<string, LedgerSummary>();
      return ids.map((id) => summaries.get(id) ?? { currency: DEFAULT_CURRENCY, openMinor: 0, creditMinor: 0 });
    }),
    /** One loader per distinct page request, so a page of subscribers asking the same page shares one statement. */
    invoicePage(page: SubscriberInvoicePage): DataLoader<string, Connection<InvoiceNode>> {
      const key = JSON.stringify(page);
      let loader = invoicePages.get(key);
      if (!loader) {
        loader = new DataLoader(async (ids) => {
          if (!scope) throw new Error('No scope to read invoices in');
          const pages = await db.run(scope, (em) => invoicePagesBySubscriber(em, ids, page));
          return ids.map((id) => pages.get(id)!);
        });
        invoicePages.set(key, loader);
      }
      return loader;
    },
  };
}

export type SubscriberLedgerLoaders = ReturnType<typeof createSubscriberLedgerLoaders>;
