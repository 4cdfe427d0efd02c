import type { SubgraphContext } from '@dotmac/kernel';
import type { CustomersLoaders } from './loaders.js';

export type CustomersContext = SubgraphContext<CustomersLoaders>;
