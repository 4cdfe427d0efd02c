import { performance } from 'node:perf_hooks';
import { createLogger, type Logger } from '@dotmac/kernel';
import { readEntitySensors } from './entity-sensors.js';
import type { HealthSample } from './health-sample.js';
import { readHostResources } from './host-resources.js';
import { readInterfaceCounters } from './interface-counters.js';
import { PollDeadline } from './poll-deadline.js';
import { type PollFailure, pollFailureOf } from './poll-failure.js';
import type { PolledDevice } from './polled-device.js';
import type { SampleStamp } from './sample-stamp.js';
import { OID } from './snmp-oids.js';
import { openSnmpSession, type SnmpSession } from './snmp-session.js';
import { numberValue } from './snmp-values.js';

export interface SnmpPollerOptions {
  /** Wait for one answer before resending, in ms. */
  timeoutMs: number;
  /** Resends after the first attempt; a silent device is down after timeoutMs × (retries + 1). */
  retries: number;
  /** Bound on one device's whole poll, in ms; past it the poll ends with what it has (or `up = 0`). */
  deadlineMs?: number;
  logger?: Logger;
  /** Wall clock that stamps samples. */
  now?: () => Date;
}

/** Anything that turns one device into samples; the scheduler needs no more. */
export interface DevicePoller {
  /** Never rejects: an unreachable device is a `up = 0` sample. */
  pollOnce(device: PolledDevice): Promise<HealthSample[]>;
}

const DEFAULT_DEADLINE_MS = 60_000;

type MetricGroup = (session: SnmpSession, device: PolledDevice, stamp: SampleStamp) => Promise<HealthSample[]>;

// Each group is optional on real devices: one that fails or is absent costs only its own metrics.
const METRIC_GROUPS: Record<string, MetricGroup> = {
  hostResources: (session, _device, stamp) => readHostResources(session, stamp),
  interfaceCounters: (session, device, stamp) => readInterfaceCounters(session, device.snmp.version, stamp),
  entitySensors: (session, _device, stamp) => readEntitySensors(session, stamp),
};

/** Polls one device over SNMP: reachability and round trip first, then every metric group it answers. */
export class SnmpPoller implements DevicePoller {
  private readonly logger: Logger;
  private readonly now: () => Date;

  constructor(private readonly options: SnmpPollerOptions) {
    this.logger = options.logger ?? createLogger('snmp-poller', 'silent');
    this.now = options.now ?? (() => new Date());
  }

  async pollOnce(device: PolledDevice): Promise<HealthSample[]> {
    const stamp: SampleStamp = { deviceId: device.id, tenantId: device.tenantId, at: this.now() };
    let session: SnmpSession;
    try {
      session = openSnmpSession(device, { timeoutMs: this.options.timeoutMs, retries: this.options.retries });
    } catch (error) {
      const reason = pollFailureOf(error);
      this.logger.warn({ deviceId: device.id, reason, err: error }, 'could not open an SNMP session; device reported down');
      return [downSample(stamp, reason)];
    }
    const deadline = new PollDeadline(this.options.deadlineMs ?? DEFAULT_DEADLINE_MS, () => session.close());
    try {
      return await this.pollOpenSession(session, device, stamp, deadline);
    } catch (error) {
      const reason = pollFailureOf(error);
      this.logger.debug({ deviceId: device.id, reason, err: error }, 'SNMP device down');
      return [downSample(stamp, reason)];
    } finally {
      deadline.clear();
      session.close();
    }
  }

  private async pollOpenSession(session: SnmpSession, device: PolledDevice, stamp: SampleStamp, deadline: PollDeadline): Promise<HealthSample[]> {
    const started = performance.now();
    const [upTimeTicks] = await deadline.race(session.get([OID.sysUpTime]));
    const latencyMs = performance.now() - started;
    const samples: HealthSample[] = [
      { ...stamp, metric: 'up', value: 1 },
      { ...stamp, metric: 'latency_ms', value: Math.round(latencyMs * 1000) / 1000 },
    ];
    const ticks = numberValue(upTimeTicks);
    if (ticks !== undefined) samples.push({ ...stamp, metric: 'uptime_s', value: ticks / 100 });

    for (const [group, read] of Object.entries(METRIC_GROUPS)) {
      if (deadline.expired) break;
      try {
        samples.push(...(await deadline.race(read(session, device, stamp))));
      } catch (error) {
        this.logger.debug({ deviceId: device.id, group, reason: pollFailureOf(error), err: error }, 'SNMP metric group skipped');
      }
    }
    if (deadline.expired) this.logger.warn({ deviceId: device.id, deadlineMs: deadline.deadlineMs }, 'SNMP poll cut short by its deadline');
    return samples;
  }
}

function downSample(stamp: SampleStamp, reason: PollFailure): HealthSample {
  return { ...stamp, metric: 'up', value: 0, labels: { reason } };
}
