/** Metrics whose value is a reading at one moment. */
export type GaugeMetric =
  | 'up'
  | 'latency_ms'
  | 'cpu_percent'
  | 'memory_percent'
  | 'uptime_s'
  | 'temperature_c'
  | 'optical_rx_dbm';

/** Ever-growing counters (they wrap, and reset when the device restarts); rates are the reader's job. */
export type CounterMetric = 'interface_in_octets' | 'interface_out_octets';

interface SampleBase {
  deviceId: string;
  tenantId: string;
  at: Date;
  /** e.g. `{ ifIndex: '2', ifName: 'eth0' }` for interface counters, `{ reason: 'timeout' }` for `up = 0`. */
  labels?: Record<string, string>;
}

/**
 * One observation of one device. Counters are bigint: 64-bit octet counters pass 2^53 (the limit of
 * an exact JavaScript number) within days on a busy 100G port.
 */
export type HealthSample =
  | (SampleBase & { metric: GaugeMetric; value: number })
  | (SampleBase & { metric: CounterMetric; value: bigint });

export interface SampleSink {
  /** Stores one device's samples of one poll. A rejection is logged and counted; polling goes on. */
  record(samples: HealthSample[]): Promise<void>;
}
