import { startSubgraph, type RunningServer } from '@dotmac/kernel';
import type { CustomersConfig } from './config.js';
import type { CustomersContext } from './context.js';
import { databaseModel } from './entities.js';
import { createCustomersLoaders } from './loaders.js';
import { buildSchema } from './schema.js';

/** Starts the customers subgraph. */
export function startCustomersSubgraph(config: CustomersConfig): Promise<RunningServer> {
  return startSubgraph<CustomersContext>({
    name: 'customers',
    config,
    model: databaseModel,
    buildSchema,
    wire: async ({ db }) => ({
      createContext: (base) => ({ ...base, loaders: createCustomersLoaders(db, base.viewer) }),
    }),
  });
}
