import { createLogger, type Logger } from '@dotmac/kernel';
import type { HealthSample, SampleSink } from './health-sample.js';
import { systemPollClock, type PollClock } from './poll-clock.js';
import type { DeviceSource, PolledDevice } from './polled-device.js';
import { emptyPollingStats, type PollingStats } from './polling-stats.js';
import type { DevicePoller } from './snmp-poller.js';

export interface PollingOptions {
  poller: DevicePoller;
  /** Start of one cycle to the start of the next, in ms; 0 disables polling. */
  intervalMs: number;
  /** Devices polled at once. */
  concurrency: number;
  source: DeviceSource;
  sink: SampleSink;
  clock?: PollClock;
  logger?: Logger;
}

export interface PollingHandle {
  /** Counters since start (a copy). */
  stats(): PollingStats;
  /** Starts no further poll, wakes the wait between cycles, and resolves once every poll in flight has ended. */
  stop(): Promise<void>;
}

/**
 * Polls every device of `source` each interval and hands each device's samples to `sink`. Cycles
 * never overlap: a cycle that outlasts the interval delays the next (logged, `cyclesOverrun`). A
 * device is never polled twice at once (listed twice, say): the second is skipped and counted.
 * The first cycle starts at once.
 */
export function startPolling(options: PollingOptions): PollingHandle {
  const logger = options.logger ?? createLogger('snmp-poller', 'silent');
  const stats = emptyPollingStats();
  if (options.intervalMs <= 0) {
    logger.info('SNMP polling disabled (interval 0)');
    return { stats: () => ({ ...stats }), stop: async () => undefined };
  }
  const scheduler = new PollScheduler(options, options.clock ?? systemPollClock, logger, stats);
  const running = scheduler.run();
  return {
    stats: () => ({ ...stats }),
    stop: () => {
      scheduler.requestStop();
      return running;
    },
  };
}

class PollScheduler {
  private readonly inFlight = new Set<string>();
  private readonly wake = new AbortController();
  private stopping = false;

  constructor(
    private readonly options: PollingOptions,
    private readonly clock: PollClock,
    private readonly logger: Logger,
    private readonly stats: PollingStats,
  ) {}

  requestStop(): void {
    this.stopping = true;
    this.wake.abort();
  }

  async run(): Promise<void> {
    const { intervalMs } = this.options;
    while (!this.stopping) {
      const started = this.clock.now();
      await this.runCycle();
      const elapsedMs = this.clock.now() - started;
      this.stats.lastCycleMs = elapsedMs;
      if (elapsedMs > intervalMs) {
        this.stats.cyclesOverrun += 1;
        this.logger.warn({ elapsedMs: Math.round(elapsedMs), intervalMs }, 'SNMP poll cycle outlasted its interval; the next starts late');
      }
      if (!this.stopping) await this.clock.sleep(Math.max(0, intervalMs - elapsedMs), this.wake.signal);
    }
  }

  private async runCycle(): Promise<void> {
    this.stats.cyclesStarted += 1;
    let devices: PolledDevice[];
    try {
      devices = await this.options.source.listPollable();
    } catch (error) {
      this.stats.sourceFailures += 1;
      this.logger.error({ err: error }, 'could not list the devices to poll; cycle skipped');
      return;
    }
    const queue = devices[Symbol.iterator]();
    const workers = Math.min(Math.max(1, Math.floor(this.options.concurrency)), devices.length);
    // The workers share one iterator: each takes the next device when its last poll has ended.
    await Promise.all(
      Array.from({ length: workers }, async () => {
        for (const device of queue) {
          if (this.stopping) return;
          await this.pollAndRecord(device);
        }
      }),
    );
    this.stats.cyclesCompleted += 1;
  }

  private async pollAndRecord(device: PolledDevice): Promise<void> {
    if (this.inFlight.has(device.id)) {
      this.stats.pollsSkippedInFlight += 1;
      this.logger.warn({ deviceId: device.id }, 'previous SNMP poll of this device still running; skipped');
      return;
    }
    this.inFlight.add(device.id);
    this.stats.pollsStarted += 1;
    try {
      const samples = await this.options.poller.pollOnce(device);
      this.stats.pollsCompleted += 1;
      if (samples.some((sample) => sample.metric === 'up' && sample.value === 0)) this.stats.devicesDown += 1;
      await this.record(device, samples);
    } catch (error) {
      this.logger.error({ deviceId: device.id, err: error }, 'SNMP poll failed unexpectedly');
    } finally {
      this.inFlight.delete(device.id);
    }
  }

  private async record(device: PolledDevice, samples: HealthSample[]): Promise<void> {
    try {
      await this.options.sink.record(samples);
    } catch (error) {
      this.stats.sinkFailures += 1;
      this.logger.error({ deviceId: device.id, err: error }, 'could not record SNMP samples');
    }
  }
}
