import { startSubgraph, type RunningServer } from '@dotmac/kernel';
import type { NetworkConfig } from './config.js';
import type { NetworkContext } from './context.js';
import { CredentialCipher } from './credentials/credential-cipher.js';
import { databaseModel } from './entities.js';
import { createNetworkLoaders } from './loaders.js';
import { mountMonitoringRoutes } from './monitoring/alerting/agent-report.route.js';
import { alertingTelemetryHook } from './monitoring/alerting/alerting-hook.js';
import { consumeServiceEvents } from './radius/service-events.consumer.js';
import { startServiceExpiry } from './radius/service-expiry.js';
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
      const { db, bus, logger } = runtime;
      const telemetry = startTelemetry(runtime, config);
      // Every stored batch of samples is evaluated against the ISP's alert rules.
      telemetry.hooks.register(alertingTelemetryHook(db, logger).onSamplesIngested);
      const serviceEvents = await consumeServiceEvents(bus, db, credentials, logger);
      const expiry = startServiceExpiry(db, logger, config.RADIUS_EXPIRY_INTERVAL_MS);
      return {
        createContext: (base) => ({ ...base, loaders: createNetworkLoaders(db, base.viewer), credentials, telemetry: telemetry.ingestion }),
        routes: (app) => {
          telemetry.mountRoutes(app);
          mountMonitoringRoutes(app, db, config.INTERNAL_SIGNING_KEY, logger);
        },
        stop: async () => {
          expiry.stop();
          await serviceEvents.close();
          await telemetry.stop();
        },
      };
    },
  });
}
