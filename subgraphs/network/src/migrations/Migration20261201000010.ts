import { Migration } from '@mikro-orm/migrations';
import { tenantIsolationSql } from '@dotmac/kernel';
import { freeradiusSchemaSql } from '../radius/freeradius-schema.js';
import { RADIUS_SCHEMA, radiusTenancySql } from '../radius/radius-tenancy.sql.js';

/** Service activation: the FreeRADIUS schema (with tenancy), services, suspension holds, RADIUS settings. */
export class Migration20261201000010 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "subscriber_service" (
      "id" uuid primary key,
      "tenant_id" uuid not null,
      "subscriber_id" uuid not null,
      "subscription_id" uuid null,
      "plan_id" uuid null,
      "username" text not null check ("username" ~ '^[a-z0-9][a-z0-9._@-]{2,63}$'),
      "password_sealed" text not null,
      "download_kbps" int null check ("download_kbps" > 0),
      "upload_kbps" int null check ("upload_kbps" > 0),
      "static_ip" inet null check (family("static_ip") = 4 and masklen("static_ip") = 32),
      "ip_allocation_id" uuid null references "ip_allocation" ("id"),
      "state" text not null check ("state" in ('active', 'suspended', 'terminated')),
      "ends_on" date null,
      "activated_at" timestamptz not null,
      "suspended_at" timestamptz null,
      "terminated_at" timestamptz null,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null
    )`);
    // RADIUS looks a user up by name alone, so a username belongs to one service of one tenant, for good.
    this.addSql(`create unique index "subscriber_service_username_unique" on "subscriber_service" ("username")`);
    this.addSql(`create unique index "subscriber_service_subscription_unique" on "subscriber_service" ("tenant_id", "subscription_id") where "subscription_id" is not null`);
    this.addSql(`create index "subscriber_service_subscriber_index" on "subscriber_service" ("tenant_id", "subscriber_id")`);
    this.addSql(`create index "subscriber_service_ends_on_index" on "subscriber_service" ("ends_on") where "ends_on" is not null and "state" <> 'terminated'`);

    this.addSql(`create table "radius_suspension" (
      "tenant_id" uuid not null,
      "subscriber_id" uuid not null,
      "since" timestamptz not null,
      primary key ("tenant_id", "subscriber_id")
    )`);

    this.addSql(`create table "radius_settings" (
      "tenant_id" uuid primary key,
      "rate_limit_format" text not null check ("rate_limit_format" in ('mikrotik', 'wispr')),
      "suspension_mode" text not null check ("suspension_mode" in ('throttle', 'walled_garden')),
      "throttle_download_kbps" int not null check ("throttle_download_kbps" > 0),
      "throttle_upload_kbps" int not null check ("throttle_upload_kbps" > 0),
      "walled_garden_address_list" text not null check (length("walled_garden_address_list") between 1 and 64),
      "updated_at" timestamptz not null
    )`);
    for (const table of ['subscriber_service', 'radius_suspension', 'radius_settings']) for (const sql of tenantIsolationSql(table)) this.addSql(sql);

    this.addSql(freeradiusSchemaSql(RADIUS_SCHEMA));
    for (const sql of radiusTenancySql(RADIUS_SCHEMA)) this.addSql(sql);
  }

  override async down(): Promise<void> {
    this.addSql(`drop schema if exists ${RADIUS_SCHEMA} cascade`);
    for (const table of ['radius_settings', 'radius_suspension', 'subscriber_service']) this.addSql(`drop table if exists "${table}" cascade`);
  }
}
