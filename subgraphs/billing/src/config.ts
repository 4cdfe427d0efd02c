import { env, readConfig, subgraphConfigShape } from '@dotmac/kernel';

/** The billing subgraph's configuration, read once at start-up. */
export const readBillingConfig = (source: Record<string, string | undefined> = process.env) =>
  readConfig(
    {
      ...subgraphConfigShape(4003),
      /** How often the scheduler looks for due billing runs and dunning steps; 0 turns it off. */
      BILLING_SCHEDULER_INTERVAL_MS: env.int(60_000),
      /** Subscriptions issued per transaction in a billing run. */
      BILLING_RUN_BATCH_SIZE: env.int(1000),
    },
    source,
  );

export type BillingConfig = ReturnType<typeof readBillingConfig>;
