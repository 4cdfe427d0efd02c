import { readConfig, subgraphConfigShape } from '@dotmac/kernel';

/** The customers subgraph's configuration, read once at start-up. */
export const readCustomersConfig = (source: Record<string, string | undefined> = process.env) =>
  readConfig(subgraphConfigShape(4002), source);

export type CustomersConfig = ReturnType<typeof readCustomersConfig>;
