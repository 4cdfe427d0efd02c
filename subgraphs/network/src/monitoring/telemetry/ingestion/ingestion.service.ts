import { AppError, ErrorCode, type Database, type Logger } from '@dotmac/kernel';
import { healthChangePayload, storeSamplesAndUpdateHealth } from '../health/device-health.service.js';
import type { HealthChange } from '../health/health-state.js';
import { deviceHealthChannel, type LiveEventPublisher } from '../live/live-event-publisher.js';
import type { IngestionResult, RejectedSample, ValidSample } from '../samples/sample.js';
import { batchContext, sampleColumns } from '../samples/sample-store.js';
import { isRejected, validateSample, type ValidationWindow } from '../samples/sample-validation.js';
import type { SamplesIngestedHooks } from './samples-ingested.hooks.js';

const DAY_MS = 86_400_000;

export interface TelemetryIngestionOptions {
  db: Database;
  publisher: LiveEventPublisher;
  hooks: SamplesIngestedHooks;
  logger: Logger;
  /** Most samples accepted in one batch; a larger batch is refused whole. */
  maxBatchSize: number;
}

/**
 * Stores batches of health samples for one tenant, from either entry point (GraphQL, REST).
 * Partial acceptance: every valid sample of a batch is stored, every invalid one is reported with
 * its index, field, code and reason. A sample is stored whole or not at all, and the batch's
 * samples, health updates and domain events commit in one transaction.
 */
export class TelemetryIngestion {
  constructor(private readonly options: TelemetryIngestionOptions) {}

  get maxBatchSize(): number {
    return this.options.maxBatchSize;
  }

  async ingest(tenantId: string, samples: readonly unknown[]): Promise<IngestionResult> {
    if (samples.length > this.options.maxBatchSize) {
      throw AppError.badInput(`A batch holds at most ${this.options.maxBatchSize} samples, got ${samples.length}`, 'samples');
    }
    if (samples.length === 0) return { accepted: 0, rejected: [] };
    const { stored, rejected, changes } = await this.options.db.inTenant(tenantId, async (em) => {
      const now = new Date();
      // Retention is checked once the settings are known; everything else first, so the one lookup
      // asks only about devices of otherwise valid samples.
      const shaped = validateAll(samples, { now, oldest: new Date(0) });
      const { settings, knownDeviceIds } = await batchContext(em, tenantId, [...new Set(shaped.valid.map((sample) => sample.deviceId))]);
      const oldest = new Date(now.getTime() - settings.retentionDays * DAY_MS);
      const refused = shaped.rejected;
      const storable = shaped.valid.filter((sample) => {
        if (!knownDeviceIds.has(sample.deviceId)) refused.push({ index: sample.index, field: 'deviceId', code: ErrorCode.NOT_FOUND, message: 'No such device in this ISP' });
        else if (sample.at < oldest) refused.push({ index: sample.index, field: 'at', code: ErrorCode.BAD_USER_INPUT, message: `at is older than the retention period (${oldest.toISOString()})` });
        else return true;
        return false;
      });
      const healthChanges = await storeSamplesAndUpdateHealth(em, tenantId, settings, storable, sampleColumns(storable));
      return { stored: storable, rejected: refused.sort((a, b) => a.index - b.index), changes: healthChanges };
    });
    await this.afterCommit(tenantId, stored, changes);
    return { accepted: stored.length, rejected };
  }

  /** Live events first (they have a latency budget), then the hooks. */
  private async afterCommit(tenantId: string, stored: readonly ValidSample[], changes: readonly HealthChange[]): Promise<void> {
    if (changes.length > 0) await publishHealthChanges(this.options.publisher, tenantId, changes, this.options.logger);
    if (stored.length > 0) await this.options.hooks.onSamplesIngested(tenantId, stored, changes);
  }
}

function validateAll(samples: readonly unknown[], window: ValidationWindow): { valid: ValidSample[]; rejected: RejectedSample[] } {
  const valid: ValidSample[] = [];
  const rejected: RejectedSample[] = [];
  samples.forEach((sample, index) => {
    const result = validateSample(sample, index, window);
    if (isRejected(result)) rejected.push(result);
    else valid.push(result);
  });
  return { valid, rejected };
}

/** Publishes health changes on the tenant's live channel; a transport failure is logged, not thrown. */
export async function publishHealthChanges(publisher: LiveEventPublisher, tenantId: string, changes: readonly HealthChange[], logger: Logger): Promise<void> {
  const channel = deviceHealthChannel(tenantId);
  await publisher.publish(changes.map((change) => ({ channel, payload: healthChangePayload(change) }))).catch((error: unknown) => {
    logger.error({ err: error, tenantId, changes: changes.length }, 'publishing live health events failed');
  });
}
