import type { AnnouncedIncident } from './incident-notifications.js';

/** An incident as raw SQL returns it (the bulk paths work below the ORM). */
export interface IncidentRow {
  id: string;
  device_id: string;
  rule_id: string | null;
  source: string;
  source_key: string | null;
  metric: string | null;
  severity: string;
  title: string;
  message: string | null;
  suppressed: boolean;
}

export const INCIDENT_ROW_COLUMNS = `"id", "device_id", "rule_id", "source", "source_key", "metric", "severity", "title", "message", "suppressed"`;

export const announced = (row: IncidentRow): AnnouncedIncident => ({
  id: row.id,
  deviceId: row.device_id,
  ruleId: row.rule_id,
  source: row.source,
  sourceKey: row.source_key,
  severity: row.severity,
  title: row.title,
  message: row.message,
});

/** An incident whose device being down takes its descendants down with it. */
export const isDownIncident = (row: Pick<IncidentRow, 'source' | 'metric'>): boolean => row.source === 'rule' && row.metric === 'up';
