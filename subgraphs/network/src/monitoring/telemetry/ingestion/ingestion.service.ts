import { AppError, ErrorCode, type Database, type Logger } from '@dotmac/kernel';
import { applySamplesToHealth, healthChangePayload } from '../health/device-health.service.js';
import type { HealthChange } from '../health/health-state.js';
import { deviceHealthChannel, type LiveEventPublisher } from '../live/live-event-publisher.js';
import type { IngestionResult, RejectedSample, ValidSample } from '../samples/sample.js';
import { existingDeviceIds, insertSamples, sampleColumns } from '../samples/sample-store.js';
import { isRejected, validateSample } from '../samples/sample-validation.js';
import { telemetrySettingsOf } from '../settings/telemetry-settings.js';
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
      const settings = await telemetrySettingsOf(em, tenantId);
      const now = new Date();
      const window = { now, oldest: new Date(now.getTime() - settings.retentionDays * DAY_MS) };
      const valid: ValidSample[] = [];
      const refused: RejectedSample[] = [];
      samples.forEach((sample, index) => {
        const result = validateSample(sample, index, window);
        if (isRejected(result)) refused.push(result);
        else valid.push(result);
      });
      const known = await existingDeviceIds(em, tenantId, [...new Set(valid.map((sample) => sample.deviceId))]);
      const storable = valid.filter((sample) => {
        if (known.has(sample.deviceId)) return true;
        refused.push({ index: sample.index, field: 'deviceId', code: ErrorCode.NOT_FOUND, message: 'No such device in this ISP' });
        return false;
      });
      const columns = sampleColumns(storable);
      await insertSamples(em, tenantId, storable, columns);
      const healthChanges = await applySamplesToHealth(em, tenantId, settings, storable, columns);
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

/** Publishes health changes on the tenant's live channel; a transport failure is logged, not thrown. */
export async function publishHealthChanges(publisher: LiveEventPublisher, tenantId: string, changes: readonly HealthChange[], logger: Logger): Promise<void> {
  const channel = deviceHealthChannel(tenantId);
  await publisher.publish(changes.map((change) => ({ channel, payload: healthChangePayload(change) }))).catch((error: unknown) => {
    logger.error({ err: error, tenantId, changes: changes.length }, 'publishing live health events failed');
  });
}
