import { Migration } from '@mikro-orm/migrations';
import { OUTBOX_TABLE_SQL, RLS_FUNCTION_SQL, tenantIsolationSql } from '@dotmac/kernel';

/** Subscribers and the outbox, under row-level security. */
export class Migration20261124000001 extends Migration {
  override async up(): Promise<void> {
    this.addSql(RLS_FUNCTION_SQL);
    this.addSql(`create table "subscriber" (
      "id" uuid primary key,
      "tenant_id" uuid not null,
      "account_number" text not null,
      "name" text not null,
      "email" text null,
      "type" text not null check ("type" in ('residential', 'business', 'enterprise')),
      "status" text not null check ("status" in ('lead', 'active', 'suspended', 'delinquent', 'cancelled')),
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      constraint "subscriber_tenant_id_account_number_unique" unique ("tenant_id", "account_number")
    )`);
    this.addSql(`create index "subscriber_tenant_id_name_index" on "subscriber" ("tenant_id", "name", "id")`);
    this.addSql(`create index "subscriber_tenant_id_created_at_index" on "subscriber" ("tenant_id", "created_at", "id")`);
    for (const sql of OUTBOX_TABLE_SQL) this.addSql(sql);
    for (const table of ['subscriber', 'outbox_event']) for (const sql of tenantIsolationSql(table)) this.addSql(sql);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "outbox_event"');
    this.addSql('drop table if exists "subscriber"');
  }
}
