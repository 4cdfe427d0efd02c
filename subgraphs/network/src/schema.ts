import { buildFederatedSchema, type ReferenceResolvers } from '@dotmac/kernel';
import { resolveSiteReference } from './site/site.reference.js';
import { SiteResolver } from './site/site.resolver.js';

/** The network subgraph schema (and its SDL, for composition). */
export function buildSchema() {
  return buildFederatedSchema({
    resolvers: [SiteResolver],
    references: {
      Site: resolveSiteReference,
    } as unknown as ReferenceResolvers,
  });
}
