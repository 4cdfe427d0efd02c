import { startSubgraph, type RunningServer } from '@dotmac/kernel';
import type { NetworkConfig } from './config.js';
import type { NetworkContext } from './context.js';
import { CredentialCipher } from './credentials/credential-cipher.js';
import { databaseModel } from './entities.js';
import { createNetworkLoaders } from './loaders.js';
import { mountMonitoringRoutes } from './monitoring/alerting/agent-report.route.js';
import { buildSchema } from './schema.js';

/** Starts the network subgraph. */
export function startNetworkSubgraph(config: NetworkConfig): Promise<RunningServer> {
  const credentials = new CredentialCipher(config.NETWORK_CREDENTIALS_KEY);
  return startSubgraph<NetworkContext>({
    name: 'network',
    config,
    model: databaseModel,
    buildSchema,
    wire: async ({ db, logger }) => ({
      createContext: (base) => ({ ...base, loaders: createNetworkLoaders(db, base.viewer), credentials }),
      routes: (app) => mountMonitoringRoutes(app, db, config.INTERNAL_SIGNING_KEY, logger),
    }),
  });
}
