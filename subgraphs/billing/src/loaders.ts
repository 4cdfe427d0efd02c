import type DataLoader from 'dataloader';
import type { Database, Viewer } from '@dotmac/kernel';
import { loaderScope } from './access/billing-access.js';
import { createCreditNoteLoaders, type CreditNoteLoaders } from './credit-note/credit-note.loaders.js';
import { createInvoiceLoaders, type InvoiceLoaders } from './invoice/invoice.loaders.js';
import { createPaymentLoaders, type PaymentLoaders } from './payment/payment.loaders.js';
import type { ServicePlan } from './plan/service-plan.entity.js';
import { createPlanByIdLoader } from './plan/service-plan.loaders.js';
import { createSubscriberLedgerLoaders, type SubscriberLedgerLoaders } from './subscriber/subscriber-ledger.loaders.js';
import type { Subscription } from './subscription/subscription.entity.js';
import { createSubscriptionsBySubscriberLoader } from './subscription/subscription.loaders.js';

/** Per-request batch loaders of the billing subgraph (one SQL statement per field across a page). */
export interface BillingLoaders {
  readonly viewer: Viewer;
  readonly planById: DataLoader<string, ServicePlan | undefined>;
  readonly subscriptionsBySubscriber: DataLoader<string, Subscription[]>;
  readonly invoices: InvoiceLoaders;
  readonly payments: PaymentLoaders;
  readonly creditNotes: CreditNoteLoaders;
  readonly subscriberLedger: SubscriberLedgerLoaders;
}

export function createBillingLoaders(db: Database, viewer: Viewer): BillingLoaders {
  const scope = loaderScope(viewer);
  return {
    viewer,
    planById: createPlanByIdLoader(db, viewer),
    subscriptionsBySubscriber: createSubscriptionsBySubscriberLoader(db, viewer),
    invoices: createInvoiceLoaders(db, scope),
    payments: createPaymentLoaders(db, scope),
    creditNotes: createCreditNoteLoaders(db, scope),
    subscriberLedger: createSubscriberLedgerLoaders(db, scope),
  };
}
