import { Migration } from '@mikro-orm/migrations';
import { tenantIsolationSql } from '@dotmac/kernel';

const METRICS = `'up', 'latency_ms', 'loss_percent', 'cpu_percent', 'memory_percent', 'temperature_c', 'optical_rx_dbm', 'optical_tx_dbm', 'interface_in_octets', 'interface_out_octets', 'uptime_s'`;
const SEVERITIES = `'critical', 'major', 'minor', 'warning', 'info'`;
const FINITE = (column: string) => `check ("${column}" not in ('NaN'::float8, 'Infinity'::float8, '-Infinity'::float8))`;

/** Alerting: rules, their evaluation state per device, incidents with an append-only timeline, agent receipts. */
export class Migration20261215000001 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "alert_rule" (
      "id" uuid primary key,
      "tenant_id" uuid not null,
      "name" text not null check (length("name") between 1 and 100),
      "metric" text not null check ("metric" in (${METRICS})),
      "operator" text not null check ("operator" in ('gt', 'gte', 'lt', 'lte', 'eq', 'neq')),
      "threshold" float8 not null ${FINITE('threshold')},
      "consecutive_violations" int not null check ("consecutive_violations" between 1 and 1000),
      "cooldown_seconds" int not null check ("cooldown_seconds" between 0 and 604800),
      "severity" text not null check ("severity" in (${SEVERITIES})),
      "scope_kind" text not null check ("scope_kind" in ('all_devices', 'device_kind', 'site', 'device')),
      "scope_device_kind" text null,
      "scope_site_id" uuid null references "site" ("id"),
      "scope_device_id" uuid null references "device" ("id"),
      "enabled" boolean not null,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      constraint "alert_rule_scope_complete" check (
        ("scope_device_kind" is not null) = ("scope_kind" = 'device_kind')
        and ("scope_site_id" is not null) = ("scope_kind" = 'site')
        and ("scope_device_id" is not null) = ("scope_kind" = 'device'))
    )`);
    this.addSql(`create unique index "alert_rule_tenant_name_unique" on "alert_rule" ("tenant_id", lower("name"))`);
    this.addSql(`create index "alert_rule_tenant_metric_index" on "alert_rule" ("tenant_id", "metric") where "enabled"`);

    this.addSql(`create table "alert_evaluation" (
      "rule_id" uuid not null references "alert_rule" ("id") on delete cascade,
      "device_id" uuid not null references "device" ("id"),
      "tenant_id" uuid not null,
      "violating" boolean not null,
      "streak" int not null,
      "incident_open" boolean not null,
      "flapping" boolean not null,
      "changes_ms" bigint[] not null,
      "resolved_at_ms" bigint null,
      "last_at_ms" bigint null,
      "last_value" float8 null,
      primary key ("rule_id", "device_id")
    )`);

    this.addSql(`create table "alerting_settings" (
      "tenant_id" uuid primary key,
      "flap_max_changes" int not null check ("flap_max_changes" between 2 and 100),
      "flap_window_seconds" int not null check ("flap_window_seconds" between 60 and 86400),
      "updated_at" timestamptz not null
    )`);

    this.addSql(`create table "incident" (
      "id" uuid primary key,
      "tenant_id" uuid not null,
      "source" text not null check ("source" in ('rule', 'agent_alert', 'health_check')),
      "rule_id" uuid null references "alert_rule" ("id") on delete set null,
      "source_key" text null,
      "device_id" uuid not null references "device" ("id"),
      "title" text not null,
      "metric" text null,
      "severity" text not null check ("severity" in (${SEVERITIES})),
      "severity_rank" smallint not null,
      "state" text not null check ("state" in ('open', 'acknowledged', 'resolved')),
      "suppressed" boolean not null,
      "suppressed_by_device_id" uuid null,
      "flapping" boolean not null,
      "last_value" float8 null,
      "message" text null,
      "opened_at" timestamptz not null,
      "acknowledged_at" timestamptz null,
      "acknowledged_by" text null,
      "resolved_at" timestamptz null,
      "resolved_by" text null,
      "resolution" text null check ("resolution" in ('auto', 'user', 'agent')),
      "updated_at" timestamptz not null,
      constraint "incident_resolution_complete" check (("state" = 'resolved') = ("resolved_at" is not null and "resolution" is not null)),
      constraint "incident_suppression_cause" check ("suppressed" = ("suppressed_by_device_id" is not null))
    )`);
    // The wall against duplicates: one active incident per rule and device, per agent key and device.
    this.addSql(`create unique index "incident_rule_device_active_unique" on "incident" ("rule_id", "device_id") where "state" <> 'resolved' and "source" = 'rule'`);
    this.addSql(`create unique index "incident_agent_key_active_unique" on "incident" ("tenant_id", "device_id", "source", "source_key") where "state" <> 'resolved' and "source" <> 'rule'`);
    this.addSql(`create index "incident_tenant_opened_index" on "incident" ("tenant_id", "opened_at")`);
    this.addSql(`create index "incident_active_device_index" on "incident" ("device_id") where "state" <> 'resolved'`);
    this.addSql(`create index "incident_suppressed_by_index" on "incident" ("suppressed_by_device_id") where "suppressed"`);

    this.addSql(`create table "incident_event" (
      "id" uuid primary key,
      "seq" bigint generated always as identity,
      "tenant_id" uuid not null,
      "incident_id" uuid not null references "incident" ("id"),
      "kind" text not null check ("kind" in ('opened', 'suppressed', 'unsuppressed', 'acknowledged', 'note', 'flapping_started', 'flapping_ended', 'severity_changed', 'resolved')),
      "at" timestamptz not null,
      "actor_kind" text null,
      "actor_id" text null,
      "message" text null,
      "cause_device_id" uuid null,
      "details" jsonb null
    )`);
    this.addSql(`create index "incident_event_incident_index" on "incident_event" ("incident_id", "seq")`);
    // The timeline is a record: rows are added, never changed or removed, whoever connects.
    this.addSql(`create function incident_event_append_only() returns trigger language plpgsql as $$
      begin raise exception 'incident_event is append-only'; end $$`);
    this.addSql(`create trigger "incident_event_append_only" before update or delete on "incident_event" for each row execute function incident_event_append_only()`);

    this.addSql(`create table "monitoring_receipt" (
      "tenant_id" uuid not null,
      "kind" text not null check ("kind" in ('alert', 'health_check')),
      "idempotency_key" text not null,
      "received_at" timestamptz not null,
      primary key ("tenant_id", "kind", "idempotency_key")
    )`);

    for (const table of ['alert_rule', 'alert_evaluation', 'alerting_settings', 'incident', 'incident_event', 'monitoring_receipt']) {
      for (const sql of tenantIsolationSql(table)) this.addSql(sql);
    }
  }

  override async down(): Promise<void> {
    for (const table of ['monitoring_receipt', 'incident_event', 'incident', 'alerting_settings', 'alert_evaluation', 'alert_rule']) this.addSql(`drop table if exists "${table}" cascade`);
    this.addSql(`drop function if exists incident_event_append_only()`);
  }
}
