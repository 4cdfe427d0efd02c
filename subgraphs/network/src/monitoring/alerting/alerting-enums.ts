import { registerEnumType } from 'type-graphql';

/** The metric names telemetry reports; a rule watches exactly one of them. */
export enum AlertMetric {
  UP = 'up',
  LATENCY_MS = 'latency_ms',
  LOSS_PERCENT = 'loss_percent',
  CPU_PERCENT = 'cpu_percent',
  MEMORY_PERCENT = 'memory_percent',
  TEMPERATURE_C = 'temperature_c',
  OPTICAL_RX_DBM = 'optical_rx_dbm',
  OPTICAL_TX_DBM = 'optical_tx_dbm',
  INTERFACE_IN_OCTETS = 'interface_in_octets',
  INTERFACE_OUT_OCTETS = 'interface_out_octets',
  UPTIME_S = 'uptime_s',
}
registerEnumType(AlertMetric, { name: 'AlertMetric', description: 'A telemetry metric an alert rule watches.' });

export const ALERT_METRICS: ReadonlySet<string> = new Set(Object.values(AlertMetric));

/** How a sample's value is compared with the rule's threshold; true means the sample violates. */
export enum AlertOperator {
  GT = 'gt',
  GTE = 'gte',
  LT = 'lt',
  LTE = 'lte',
  EQ = 'eq',
  NEQ = 'neq',
}
registerEnumType(AlertOperator, { name: 'AlertOperator', description: 'value <operator> threshold is a violation.' });

export enum AlertSeverity {
  CRITICAL = 'critical',
  MAJOR = 'major',
  MINOR = 'minor',
  WARNING = 'warning',
  INFO = 'info',
}
registerEnumType(AlertSeverity, { name: 'AlertSeverity' });

/** Most severe first: the order of `orderBy: SEVERITY`. */
export const SEVERITY_RANK: Record<AlertSeverity, number> = { critical: 1, major: 2, minor: 3, warning: 4, info: 5 };

export enum AlertScopeKind {
  ALL_DEVICES = 'all_devices',
  DEVICE_KIND = 'device_kind',
  SITE = 'site',
  DEVICE = 'device',
}
registerEnumType(AlertScopeKind, { name: 'AlertScopeKind', description: 'Which devices a rule watches.' });

export enum IncidentState {
  OPEN = 'open',
  ACKNOWLEDGED = 'acknowledged',
  RESOLVED = 'resolved',
}
registerEnumType(IncidentState, { name: 'IncidentState' });

/** What raised an incident: one of the ISP's rules, an external agent's alert, or an agent's health check. */
export enum IncidentSource {
  RULE = 'rule',
  AGENT_ALERT = 'agent_alert',
  HEALTH_CHECK = 'health_check',
}
registerEnumType(IncidentSource, { name: 'IncidentSource' });

/** The kinds of entries on an incident's timeline. */
export enum IncidentEventKind {
  OPENED = 'opened',
  SUPPRESSED = 'suppressed',
  UNSUPPRESSED = 'unsuppressed',
  ACKNOWLEDGED = 'acknowledged',
  NOTE = 'note',
  FLAPPING_STARTED = 'flapping_started',
  FLAPPING_ENDED = 'flapping_ended',
  SEVERITY_CHANGED = 'severity_changed',
  RESOLVED = 'resolved',
}
registerEnumType(IncidentEventKind, { name: 'IncidentEventKind' });
