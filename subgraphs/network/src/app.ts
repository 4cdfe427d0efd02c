import { startSubgraph, type RunningServer } from '@dotmac/kernel';
import type { NetworkConfig } from './config.js';
import type { NetworkContext } from './context.js';
import { CredentialCipher } from './credentials/credential-cipher.js';
import { databaseModel } from './entities.js';
import { createNetworkLoaders } from './loaders.js';
import { startTelemetry } from './monitoring/telemetry/telemetry.module.js';
import { buildSchema } from './schema.js';

/** Starts the network subgraph. */
export function startNetworkSubgraph(config: NetworkConfig): Promise<RunningServer> {
  const credentials = new CredentialCipher(config.NETWORK_CREDENTIALS_KEY);
  return startSubgraph<NetworkContext>({
    name: 'network',
    config,
    model: databaseModel,
    buildSchema,
    maxBodyBytes: config.MAX_BODY_BYTES,
    wire: async (runtime) => {
      const { db } = runtime;
      const telemetry = startTelemetry(runtime, config);
      return {
        createContext: (base) => ({ ...base, loaders: createNetworkLoaders(db, base.viewer), credentials, telemetry: telemetry.ingestion }),
        routes: (app) => telemetry.mountRoutes(app),
        stop: () => telemetry.stop(),
      };
    },
  });
}
