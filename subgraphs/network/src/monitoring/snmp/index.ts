export type { DeviceSource, PolledDevice, SnmpAuthProtocol, SnmpPrivProtocol, SnmpSettings, SnmpV3Credentials, SnmpVersion } from './polled-device.js';
export type { CounterMetric, GaugeMetric, HealthSample, SampleSink } from './health-sample.js';
export { SnmpPoller, type DevicePoller, type SnmpPollerOptions } from './snmp-poller.js';
export { startPolling, type PollingHandle, type PollingOptions } from './poll-scheduler.js';
export type { PollingStats } from './polling-stats.js';
export { systemPollClock, type PollClock } from './poll-clock.js';
export { PollFailure } from './poll-failure.js';
export { snmpConfigShape, snmpPollingSettings } from './snmp-config.js';
export { counterValue } from './snmp-values.js';
