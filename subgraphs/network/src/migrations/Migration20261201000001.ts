import { Migration } from '@mikro-orm/migrations';
import { OUTBOX_TABLE_SQL, PROCESSED_EVENT_TABLE_SQL, RLS_FUNCTION_SQL, tenantIsolationSql } from '@dotmac/kernel';

/** The network subgraph's foundation: row-level security, the outbox, consumed events, sites. */
export class Migration20261201000001 extends Migration {
  override async up(): Promise<void> {
    this.addSql(RLS_FUNCTION_SQL);
    for (const sql of OUTBOX_TABLE_SQL) this.addSql(sql);
    this.addSql(PROCESSED_EVENT_TABLE_SQL);
    this.addSql(`create table "site" (
      "id" uuid primary key,
      "tenant_id" uuid not null,
      "name" text not null check (length("name") between 1 and 100),
      "address" text null,
      "latitude" numeric(9,6) null check ("latitude" between -90 and 90),
      "longitude" numeric(9,6) null check ("longitude" between -180 and 180),
      "description" text null,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      constraint "site_point_complete" check (("latitude" is null) = ("longitude" is null))
    )`);
    this.addSql(`create unique index "site_tenant_name_unique" on "site" ("tenant_id", lower("name"))`);
    for (const table of ['site', 'outbox_event', 'processed_event']) for (const sql of tenantIsolationSql(table)) this.addSql(sql);
  }

  override async down(): Promise<void> {
    for (const table of ['site', 'processed_event', 'outbox_event']) this.addSql(`drop table if exists "${table}" cascade`);
  }
}
