import { buildFederatedSchema } from '@dotmac/kernel';
import { DunningResolver } from './dunning/dunning.resolver.js';
import { BillingRunResolver } from './run/billing-run.resolver.js';
import { BillingSettingsResolver } from './settings/billing-settings.resolver.js';

/** The billing subgraph schema (and its SDL, for composition). */
export function buildSchema() {
  return buildFederatedSchema({
    resolvers: [BillingSettingsResolver, BillingRunResolver, DunningResolver],
  });
}
