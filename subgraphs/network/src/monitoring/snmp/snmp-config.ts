import type { Field } from '@dotmac/kernel';

/** A whole number of at least `min`, with a default. */
const wholeNumber = (fallback: number, min: number): Field<number> => ({
  read(name, raw, problems) {
    if (raw === undefined || raw === '') return fallback;
    const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!(value >= min)) problems.push(`${name} must be a whole number of at least ${min}, got "${raw}"`);
    return value;
  },
});

/** The SNMP poller's settings, spread into the network subgraph's configuration. */
export const snmpConfigShape = {
  /** Start of one poll cycle to the next (LibreNMS polls every 300 s); 0 disables polling. */
  SNMP_POLL_INTERVAL_MS: wholeNumber(300_000, 0),
  /** Wait for one SNMP answer before resending. */
  SNMP_TIMEOUT_MS: wholeNumber(2_000, 1),
  /** Resends after the first attempt. */
  SNMP_RETRIES: wholeNumber(1, 0),
  /** Devices polled at once. */
  SNMP_CONCURRENCY: wholeNumber(16, 1),
  /** Bound on one device's whole poll (a big switch's interface table is many requests). */
  SNMP_DEVICE_DEADLINE_MS: wholeNumber(60_000, 1),
};

type SnmpConfig = { readonly [K in keyof typeof snmpConfigShape]: number };

/** What `SnmpPoller` and `startPolling` take from the configuration. */
export function snmpPollingSettings(config: SnmpConfig) {
  return {
    poller: { timeoutMs: config.SNMP_TIMEOUT_MS, retries: config.SNMP_RETRIES, deadlineMs: config.SNMP_DEVICE_DEADLINE_MS },
    intervalMs: config.SNMP_POLL_INTERVAL_MS,
    concurrency: config.SNMP_CONCURRENCY,
  };
}
