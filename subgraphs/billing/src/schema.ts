import { buildFederatedSchema, type ReferenceResolvers } from '@dotmac/kernel';
import { BillingAccountResolver } from './account/billing-account.resolver.js';
import { DunningResolver } from './dunning/dunning.resolver.js';
import { resolveServicePlanReference } from './plan/service-plan.reference.js';
import { ServicePlanResolver } from './plan/service-plan.resolver.js';
import { BillingRunResolver } from './run/billing-run.resolver.js';
import { BillingSettingsResolver } from './settings/billing-settings.resolver.js';
import { SubscriberSubscriptionsResolver } from './subscriber/subscriber-subscriptions.resolver.js';
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
      SubscriberSubscriptionsResolver,
      UsageResolver,
      BillingRunResolver,
      DunningResolver,
    ],
    references: {
      ServicePlan: resolveServicePlanReference,
      ServiceSubscription: resolveSubscriptionReference,
      TaxRate: resolveTaxRateReference,
    } as unknown as ReferenceResolvers,
  });
}
