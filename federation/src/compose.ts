import { composeServices } from '@apollo/composition';
import { accounts } from './accounts.subgraph.js';
import { inventory } from './inventory.subgraph.js';
import { products } from './products.subgraph.js';
import { reviews } from './reviews.subgraph.js';
import type { SubgraphDefinition } from './subgraph-definition.js';

export const FEDERATION_SUBGRAPHS: readonly SubgraphDefinition[] = [accounts, products, inventory, reviews];

/**
 * Composes the four subgraphs into a supergraph SDL. `urls` (by subgraph name) become the routing
 * URLs; gateways in tests override them anyway, so placeholders are fine.
 */
export function composeFederationSupergraph(urls: Readonly<Record<string, string>> = {}): string {
  const composed = composeServices(
    FEDERATION_SUBGRAPHS.map(({ name, typeDefs }) => ({ name, typeDefs, url: urls[name] ?? `http://127.0.0.1:1/${name}` })),
  );
  if (composed.errors) throw new Error(`Composition failed: ${composed.errors.map((error) => error.message).join('; ')}`);
  return composed.supergraphSdl;
}
