import { startSubgraph, type RunningServer } from '@dotmac/kernel';
import type { BillingConfig } from './config.js';
import type { BillingContext } from './context.js';
import { databaseModel } from './entities.js';
import { createBillingLoaders } from './loaders.js';
import { BillingScheduler } from './run/billing-scheduler.js';
import { buildSchema } from './schema.js';

/** Starts the billing subgraph. */
export function startBillingSubgraph(config: BillingConfig): Promise<RunningServer> {
  return startSubgraph<BillingContext>({
    name: 'billing',
    config,
    model: databaseModel,
    buildSchema,
    wire: async ({ db, logger }) => {
      const scheduler = new BillingScheduler(db, logger, { intervalMs: config.BILLING_SCHEDULER_INTERVAL_MS, batchSize: config.BILLING_RUN_BATCH_SIZE });
      scheduler.start();
      return {
        createContext: (base) => ({ ...base, loaders: createBillingLoaders(db, base.viewer), billing: { runBatchSize: config.BILLING_RUN_BATCH_SIZE } }),
        stop: () => scheduler.stop(),
      };
    },
  });
}
