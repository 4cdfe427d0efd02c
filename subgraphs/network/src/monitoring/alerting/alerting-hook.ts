import type { Database, Logger } from '@dotmac/kernel';
import { evaluateSamples, type TelemetrySample } from './evaluate-samples.service.js';

/**
 * What the telemetry module registers to run after it has stored a batch. The samples are stored
 * whatever happens here: a failed evaluation is logged and never fails ingestion; the next batch
 * carries on from the stored state.
 */
export function alertingTelemetryHook(db: Database, logger: Logger) {
  return {
    async onSamplesIngested(tenantId: string, samples: readonly TelemetrySample[]): Promise<void> {
      try {
        await evaluateSamples(db, tenantId, samples);
      } catch (error) {
        logger.error({ err: error, tenantId, samples: samples.length }, 'alert evaluation failed');
      }
    },
  };
}
