import { startSubgraph, type RunningServer } from '@dotmac/kernel';
import type { CustomersConfig } from './config.js';
import type { CustomersContext } from './context.js';
import { consumeDelinquencyEvents } from './delinquency/delinquency.consumer.js';
import { databaseModel } from './entities.js';
import { createCustomersLoaders } from './loaders.js';
import { buildSchema } from './schema.js';

/** Starts the customers subgraph and its consumer of billing's delinquency events. */
export function startCustomersSubgraph(config: CustomersConfig): Promise<RunningServer> {
  return startSubgraph<CustomersContext>({
    name: 'customers',
    config,
    model: databaseModel,
    buildSchema,
    maxBodyBytes: config.MAX_BODY_BYTES,
    wire: async ({ db, bus, logger }) => {
      const delinquency = await consumeDelinquencyEvents(bus, db, logger);
      return {
        createContext: (base) => ({ ...base, loaders: createCustomersLoaders(db, base.viewer) }),
        stop: () => delinquency.close(),
      };
    },
  });
}
