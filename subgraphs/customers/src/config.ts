import { env, readConfig, subgraphConfigShape } from '@dotmac/kernel';

/** The customers subgraph's configuration, read once at start-up. */
export const readCustomersConfig = (source: Record<string, string | undefined> = process.env) =>
  readConfig(
    {
      ...subgraphConfigShape(4002),
      // A 10,000-row import with addresses and custom fields is a few MB of variables.
      MAX_BODY_BYTES: env.int(16 * 1024 * 1024),
    },
    source,
  );

export type CustomersConfig = ReturnType<typeof readCustomersConfig>;
