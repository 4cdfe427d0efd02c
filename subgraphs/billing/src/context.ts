import type { SubgraphContext } from '@dotmac/kernel';
import type { BillingLoaders } from './loaders.js';

/** Settings resolvers need from the subgraph's configuration. */
export interface BillingRuntimeSettings {
  runBatchSize: number;
}

export type BillingContext = SubgraphContext<BillingLoaders> & { billing: BillingRuntimeSettings };
