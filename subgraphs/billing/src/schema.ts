import { buildFederatedSchema, type ReferenceResolvers } from '@dotmac/kernel';
import { BillingAccountResolver } from './account/billing-account.resolver.js';
import { resolveCreditNoteReference } from './credit-note/credit-note.reference.js';
import { CreditNoteResolver } from './credit-note/credit-note.resolver.js';
import { DunningResolver } from './dunning/dunning.resolver.js';
import { InvoiceFieldsResolver, InvoiceLineFieldsResolver } from './invoice/invoice-fields.resolver.js';
import { resolveInvoiceReference } from './invoice/invoice.reference.js';
import { InvoiceResolver } from './invoice/invoice.resolver.js';
import { PaymentAllocationFieldsResolver, PaymentFieldsResolver } from './payment/payment-fields.resolver.js';
import { resolvePaymentReference } from './payment/payment.reference.js';
import { PaymentResolver } from './payment/payment.resolver.js';
import { resolveServicePlanReference } from './plan/service-plan.reference.js';
import { ServicePlanResolver } from './plan/service-plan.resolver.js';
import { BillingRunResolver } from './run/billing-run.resolver.js';
import { BillingSettingsResolver } from './settings/billing-settings.resolver.js';
import { SubscriberLedgerResolver } from './subscriber/subscriber-ledger.resolver.js';
import { SubscriberSubscriptionsResolver } from './subscriber/subscriber-subscriptions.resolver.js';
import { PlanChangeResolver } from './subscription/plan-change.resolver.js';
import { resolveSubscriptionReference } from './subscription/subscription.reference.js';
import { SubscriptionResolver } from './subscription/subscription.resolver.js';
import { resolveTaxRateReference } from './tax/tax-rate.reference.js';
import { TaxRateResolver } from './tax/tax-rate.resolver.js';
import { UsageResolver } from './usage/usage.resolver.js';

/** The billing subgraph schema (and its SDL, for composition). */
export function buildSchema() {
  return buildFederatedSchema({
    resolvers: [
      BillingSettingsResolver,
      ServicePlanResolver,
      TaxRateResolver,
      BillingAccountResolver,
      SubscriptionResolver,
      PlanChangeResolver,
      SubscriberSubscriptionsResolver,
      UsageResolver,
      InvoiceResolver,
      InvoiceFieldsResolver,
      InvoiceLineFieldsResolver,
      PaymentResolver,
      PaymentFieldsResolver,
      PaymentAllocationFieldsResolver,
      CreditNoteResolver,
      SubscriberLedgerResolver,
      BillingRunResolver,
      DunningResolver,
    ],
    references: {
      ServicePlan: resolveServicePlanReference,
      ServiceSubscription: resolveSubscriptionReference,
      TaxRate: resolveTaxRateReference,
      Invoice: resolveInvoiceReference,
      Payment: resolvePaymentReference,
      CreditNote: resolveCreditNoteReference,
    } as unknown as ReferenceResolvers,
  });
}
