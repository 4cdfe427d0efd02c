import { startSubgraph, type RunningServer } from '@dotmac/kernel';
import type { BillingConfig } from './config.js';
import type { BillingContext } from './context.js';
import { databaseModel } from './entities.js';
import { createBillingLoaders } from './loaders.js';
import { buildSchema } from './schema.js';

/** Starts the billing subgraph. */
export function startBillingSubgraph(config: BillingConfig): Promise<RunningServer> {
  return startSubgraph<BillingContext>({
    name: 'billing',
    config,
    model: databaseModel,
    buildSchema,
    wire: async ({ db }) => ({
      createContext: (base) => ({ ...base, loaders: createBillingLoaders(db, base.viewer) }),
    }),
  });
}
