import { startSubgraph, type RunningServer } from '@dotmac/kernel';
import type { BillingConfig } from './config.js';
import type { BillingContext } from './context.js';
import { databaseModel } from './entities.js';
import { createBillingLoaders } from './loaders.js';
import { BillingScheduler } from './run/billing-scheduler.js';
import { buildSchema } from './schema.js';
import { consumeSubscriberCancellations } from './subscriber/subscriber-cancelled.consumer.js';

/** Starts the billing subgraph. */
export function startBillingSubgraph(config: BillingConfig): Promise<RunningServer> {
  return startSubgraph<BillingContext>({
    name: 'billing',
    config,
    model: databaseModel,
    buildSchema,
    wire: async ({ db, bus, logger }) => {
      const cancellations = await consumeSubscriberCancellations(bus, db, logger);
      const scheduler = new BillingScheduler(db, logger, { intervalMs: config.BILLING_SCHEDULER_INTERVAL_MS, batchSize: config.BILLING_RUN_BATCH_SIZE });
      scheduler.start();
      return {
        createContext: (base) => ({ ...base, loaders: createBillingLoaders(db, base.viewer), billing: { runBatchSize: config.BILLING_RUN_BATCH_SIZE } }),
        stop: async () => {
          await scheduler.stop();
          await cancellations.close();
        },
      };
    },
  });
}
