import { Migration } from '@mikro-orm/migrations';
import { tenantIsolationSql } from '@dotmac/kernel';

/**
 * Telemetry: raw health samples, each device's current health and each ISP's telemetry settings.
 * `health_sample` is append-only and read by time range: a BRIN index on `at` (tiny, cheap to keep
 * up to date, good for the time-ordered purge) plus a btree on (device_id, metric, at) for one
 * device's series. docs/network.md ("Telemetry and health") has the measurements behind the choice.
 */
export class Migration20261208090001 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "health_sample" (
      "tenant_id" uuid not null,
      "device_id" uuid not null,
      "metric" text not null,
      "value" double precision not null,
      "at" timestamptz not null,
      "labels" jsonb null,
      "received_at" timestamptz not null default now()
    )`);
    this.addSql(`create index "health_sample_at_brin" on "health_sample" using brin ("at") with (pages_per_range = 32)`);
    this.addSql(`create index "health_sample_series_index" on "health_sample" ("device_id", "metric", "at")`);

    this.addSql(`create table "device_health" (
      "device_id" uuid primary key references "device" ("id") on delete cascade,
      "tenant_id" uuid not null,
      "state" text not null check ("state" in ('up', 'degraded', 'down', 'unknown')),
      "since" timestamptz not null,
      "reason" text null,
      "last_sample_at" timestamptz not null,
      "up" double precision null, "up_at" timestamptz null,
      "latency_ms" double precision null, "latency_ms_at" timestamptz null,
      "loss_percent" double precision null, "loss_percent_at" timestamptz null,
      "cpu_percent" double precision null, "cpu_percent_at" timestamptz null,
      "temperature_c" double precision null, "temperature_c_at" timestamptz null,
      "updated_at" timestamptz not null default now()
    )`);
    this.addSql(`create index "device_health_tenant_last_sample_index" on "device_health" ("tenant_id", "last_sample_at")`);

    this.addSql(`create table "telemetry_settings" (
      "tenant_id" uuid primary key,
      "retention_days" int not null check ("retention_days" between 1 and 365),
      "stale_after_seconds" int not null check ("stale_after_seconds" between 60 and 86400),
      "max_latency_ms" double precision not null check ("max_latency_ms" > 0),
      "max_loss_percent" double precision not null check ("max_loss_percent" between 0 and 100),
      "max_cpu_percent" double precision not null check ("max_cpu_percent" between 0 and 100),
      "max_temperature_c" double precision not null check ("max_temperature_c" between -50 and 200),
      "updated_at" timestamptz not null
    )`);
    for (const table of ['health_sample', 'device_health', 'telemetry_settings']) for (const sql of tenantIsolationSql(table)) this.addSql(sql);
  }

  override async down(): Promise<void> {
    for (const table of ['telemetry_settings', 'device_health', 'health_sample']) this.addSql(`drop table if exists "${table}" cascade`);
  }
}
