/** A metric a device may report, with the values it can take. */
export interface MetricRule {
  readonly min?: number;
  readonly max?: number;
  /** Only these exact values (e.g. `up` is 0 or 1). */
  readonly allowed?: readonly number[];
  readonly description: string;
}

/** Every metric the platform accepts; anything else is refused per sample. */
export const METRICS: Readonly<Record<string, MetricRule>> = Object.freeze({
  up: { allowed: [0, 1], description: '1 reachable, 0 down' },
  latency_ms: { min: 0, max: 600_000, description: 'round-trip time in milliseconds' },
  loss_percent: { min: 0, max: 100, description: 'packet loss, 0–100' },
  cpu_percent: { min: 0, max: 100, description: 'CPU load, 0–100' },
  memory_percent: { min: 0, max: 100, description: 'memory in use, 0–100' },
  temperature_c: { min: -273.15, max: 250, description: 'degrees Celsius' },
  optical_rx_dbm: { min: -60, max: 20, description: 'optical receive power in dBm' },
  optical_tx_dbm: { min: -60, max: 20, description: 'optical transmit power in dBm' },
  interface_in_octets: { min: 0, max: Number.MAX_SAFE_INTEGER, description: 'octets received (counter)' },
  interface_out_octets: { min: 0, max: Number.MAX_SAFE_INTEGER, description: 'octets sent (counter)' },
  uptime_s: { min: 0, max: Number.MAX_SAFE_INTEGER, description: 'seconds since boot' },
});

export const METRIC_NAMES: readonly string[] = Object.keys(METRICS);

export const isKnownMetric = (name: string): boolean => Object.hasOwn(METRICS, name);

/** Why a value is not acceptable for `metric`, or undefined when it is. */
export function valueProblem(metric: string, value: number): string | undefined {
  const rule = METRICS[metric]!;
  if (!Number.isFinite(value)) return 'The value must be a finite number';
  if (rule.allowed && !rule.allowed.includes(value)) return `${metric} must be one of ${rule.allowed.join(', ')}`;
  if (rule.min !== undefined && value < rule.min) return `${metric} must be at least ${rule.min}`;
  if (rule.max !== undefined && value > rule.max) return `${metric} must be at most ${rule.max}`;
  return undefined;
}
