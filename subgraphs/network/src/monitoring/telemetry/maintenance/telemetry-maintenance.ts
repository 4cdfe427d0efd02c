import type { Database, Logger } from '@dotmac/kernel';
import { publishHealthChanges } from '../ingestion/ingestion.service.js';
import type { LiveEventPublisher } from '../live/live-event-publisher.js';
import { purgeExpiredSamples } from './retention-purge.js';
import { markStaleDevicesUnknown } from './staleness-sweep.js';

export interface TelemetryMaintenanceOptions {
  /** How often a pass runs; 0 turns the scheduler off (a pass can still be run by hand). */
  intervalMs: number;
  /** Samples deleted per transaction by the retention purge. */
  purgeBatchSize: number;
}

/**
 * Every `intervalMs`: devices gone quiet become UNKNOWN (with their live and domain events), then
 * samples past each ISP's retention are deleted. A pass never overlaps the previous one.
 */
export class TelemetryMaintenance {
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<void> | undefined;

  constructor(
    private readonly db: Database,
    private readonly publisher: LiveEventPublisher,
    private readonly logger: Logger,
    private readonly options: TelemetryMaintenanceOptions,
  ) {}

  start(): void {
    if (this.options.intervalMs <= 0) return;
    this.timer = setInterval(() => {
      if (!this.pass) this.pass = this.runOnce().finally(() => (this.pass = undefined));
    }, this.options.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.pass;
  }

  async runOnce(): Promise<void> {
    try {
      const stale = await markStaleDevicesUnknown(this.db);
      for (const [tenantId, changes] of stale) await publishHealthChanges(this.publisher, tenantId, changes, this.logger);
      const purged = await purgeExpiredSamples(this.db, this.options.purgeBatchSize);
      if (purged.size > 0) this.logger.info({ purged: Object.fromEntries(purged) }, 'expired health samples purged');
    } catch (error) {
      this.logger.error({ err: error }, 'telemetry maintenance pass failed');
    }
  }
}
