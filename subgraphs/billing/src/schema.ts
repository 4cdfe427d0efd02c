import { buildFederatedSchema } from '@dotmac/kernel';
import { BillingSettingsResolver } from './settings/billing-settings.resolver.js';

/** The billing subgraph schema (and its SDL, for composition). */
export function buildSchema() {
  return buildFederatedSchema({
    resolvers: [BillingSettingsResolver],
  });
}
