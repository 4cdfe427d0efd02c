import type { SubgraphContext } from '@dotmac/kernel';
import type { BillingLoaders } from './loaders.js';

export type BillingContext = SubgraphContext<BillingLoaders>;
