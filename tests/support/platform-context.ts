import { inject } from 'vitest';

/** What the global setup tells every test file about the running platform. */
export interface TestPlatform {
  gatewayUrl: string;
  subgraphUrls: Record<string, string>;
  adminDatabaseUrl: string;
  appDatabaseUrls: Record<string, string>;
  ownerDatabaseUrls: Record<string, string>;
  internalSigningKey: string;
  jwtSecret: string;
  /** The network subgraph's NETWORK_CREDENTIALS_KEY (tests that run its services in-process). */
  networkCredentialsKey: string;
  admin: { email: string; password: string };
  redisUrl: string | undefined;
  redisKeyPrefix: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    platform: TestPlatform;
  }
}

export function platform(): TestPlatform {
  return inject('platform');
}
