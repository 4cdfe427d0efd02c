import type { Express } from 'express';
import type { SubgraphRuntime } from '@dotmac/kernel';
import { TelemetryIngestion } from './ingestion/ingestion.service.js';
import { SamplesIngestedHooks } from './ingestion/samples-ingested.hooks.js';
import { createLivePublisher } from './live/create-live-publisher.js';
import type { LiveEventPublisher } from './live/live-event-publisher.js';
import { TelemetryMaintenance } from './maintenance/telemetry-maintenance.js';
import { mountMetricsRoute } from './rest/metrics.route.js';

export interface TelemetrySettingsOfDeployment {
  INTERNAL_SIGNING_KEY: string;
  REDIS_URL: string | undefined;
  MAX_BODY_BYTES: number;
  TELEMETRY_MAX_BATCH_SIZE: number;
  TELEMETRY_MAINTENANCE_INTERVAL_MS: number;
  TELEMETRY_PURGE_BATCH_SIZE: number;
}

/** Telemetry as wired into the network subgraph: the ingestion service, its hooks, routes and scheduler. */
export interface TelemetryModule {
  ingestion: TelemetryIngestion;
  /** Where other modules (alerting) register `onSamplesIngested` hooks. */
  hooks: SamplesIngestedHooks;
  publisher: LiveEventPublisher;
  maintenance: TelemetryMaintenance;
  mountRoutes(app: Express): void;
  stop(): Promise<void>;
}

export function startTelemetry({ db, logger }: SubgraphRuntime, config: TelemetrySettingsOfDeployment): TelemetryModule {
  const publisher = createLivePublisher(config.REDIS_URL, db);
  const hooks = new SamplesIngestedHooks(logger);
  const ingestion = new TelemetryIngestion({ db, publisher, hooks, logger, maxBatchSize: config.TELEMETRY_MAX_BATCH_SIZE });
  const maintenance = new TelemetryMaintenance(db, publisher, logger, {
    intervalMs: config.TELEMETRY_MAINTENANCE_INTERVAL_MS,
    purgeBatchSize: config.TELEMETRY_PURGE_BATCH_SIZE,
  });
  maintenance.start();
  return {
    ingestion,
    hooks,
    publisher,
    maintenance,
    mountRoutes: (app) => mountMetricsRoute(app, ingestion, { signingKey: config.INTERNAL_SIGNING_KEY, maxBodyBytes: config.MAX_BODY_BYTES, logger }),
    stop: async () => {
      await maintenance.stop();
      await publisher.close();
    },
  };
}
