import { Migration } from '@mikro-orm/migrations';
import { PROCESSED_EVENT_TABLE_SQL, tenantIsolationSql } from '@dotmac/kernel';

/** Tables keyed to a subscriber; each row's tenant must be its subscriber's tenant. */
const SUBSCRIBER_DETAIL_TABLES = ['contact', 'service_address', 'custom_field_value', 'subscriber_note', 'subscriber_change'];

/** A detail row belongs to a subscriber of its own tenant (checked at commit, so inserts may come in any order). */
const ofSubscriber = (table: string) =>
  `constraint "${table}_subscriber_fk" foreign key ("tenant_id", "subscriber_id") references "subscriber" ("tenant_id", "id") deferrable initially deferred`;

/** The subscriber lifecycle and details: contacts, service addresses, custom fields, notes, change log. */
export class Migration20261125000001 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "subscriber" add column "phone" text null`);
    this.addSql(`alter table "subscriber" add column "status_before_delinquency" text null
      check ("status_before_delinquency" in ('active', 'suspended'))`);
    this.addSql(`alter table "subscriber" add constraint "subscriber_delinquency_remembers_status"
      check (("status" = 'delinquent') = ("status_before_delinquency" is not null))`);
    this.addSql(`alter table "subscriber" add constraint "subscriber_tenant_id_id_unique" unique ("tenant_id", "id")`);

    this.addSql(`create table "contact" (
      "id" uuid primary key,
      "tenant_id" uuid not null,
      "subscriber_id" uuid not null,
      "name" text not null,
      "role" text not null check ("role" in ('primary', 'billing', 'technical', 'other')),
      "email" text null,
      "phone" text null,
      "created_at" timestamptz(3) not null,
      "updated_at" timestamptz(3) not null,
      check ("email" is not null or "phone" is not null),
      ${ofSubscriber('contact')}
    )`);
    this.addSql(`create index "contact_subscriber_id_index" on "contact" ("subscriber_id", "created_at", "id")`);
    this.addSql(`create unique index "contact_one_primary_per_subscriber" on "contact" ("subscriber_id") where "role" = 'primary'`);

    this.addSql(`create table "service_address" (
      "id" uuid primary key,
      "tenant_id" uuid not null,
      "subscriber_id" uuid not null,
      "line1" text not null,
      "line2" text null,
      "city" text not null,
      "region" text null,
      "postal_code" text null,
      "country" text not null check ("country" ~ '^[A-Z]{2}$'),
      "latitude" double precision null check ("latitude" between -90 and 90),
      "longitude" double precision null check ("longitude" between -180 and 180),
      "is_primary" boolean not null default false,
      "created_at" timestamptz(3) not null,
      "updated_at" timestamptz(3) not null,
      check (("latitude" is null) = ("longitude" is null)),
      ${ofSubscriber('service_address')}
    )`);
    this.addSql(`create index "service_address_subscriber_id_index" on "service_address" ("subscriber_id", "created_at", "id")`);
    this.addSql(`create unique index "service_address_one_primary_per_subscriber" on "service_address" ("subscriber_id") where "is_primary"`);

    this.addSql(`create table "custom_field_definition" (
      "id" uuid primary key,
      "tenant_id" uuid not null,
      "key" text not null,
      "label" text not null,
      "type" text not null check ("type" in ('text', 'number', 'boolean', 'date', 'select')),
      "options" jsonb not null default '[]',
      "required" boolean not null default false,
      "archived_at" timestamptz(3) null,
      "created_at" timestamptz(3) not null,
      "updated_at" timestamptz(3) not null,
      constraint "custom_field_definition_tenant_id_key_unique" unique ("tenant_id", "key"),
      constraint "custom_field_definition_tenant_id_id_unique" unique ("tenant_id", "id")
    )`);

    this.addSql(`create table "custom_field_value" (
      "id" uuid primary key,
      "tenant_id" uuid not null,
      "subscriber_id" uuid not null,
      "definition_id" uuid not null,
      "value" text not null,
      "updated_at" timestamptz(3) not null,
      constraint "custom_field_value_subscriber_id_definition_id_unique" unique ("subscriber_id", "definition_id"),
      constraint "custom_field_value_definition_fk" foreign key ("tenant_id", "definition_id")
        references "custom_field_definition" ("tenant_id", "id") deferrable initially deferred,
      ${ofSubscriber('custom_field_value')}
    )`);
    this.addSql(`create index "custom_field_value_definition_id_index" on "custom_field_value" ("definition_id", "value")`);

    this.addSql(`create table "subscriber_note" (
      "id" uuid primary key,
      "tenant_id" uuid not null,
      "subscriber_id" uuid not null,
      "body" text not null check (length("body") between 1 and 10000),
      "author_kind" text not null,
      "author_id" text null,
      "created_at" timestamptz(3) not null,
      ${ofSubscriber('subscriber_note')}
    )`);
    this.addSql(`create index "subscriber_note_subscriber_id_index" on "subscriber_note" ("subscriber_id", "created_at", "id")`);

    this.addSql(`create table "subscriber_change" (
      "id" uuid primary key,
      "tenant_id" uuid not null,
      "subscriber_id" uuid not null,
      "action" text not null,
      "actor_kind" text not null,
      "actor_id" text null,
      "changes" jsonb not null default '[]',
      "subject_id" text null,
      "reason" text null,
      "request_id" text null,
      "occurred_at" timestamptz(3) not null,
      ${ofSubscriber('subscriber_change')}
    )`);
    this.addSql(`create index "subscriber_change_subscriber_id_index" on "subscriber_change" ("subscriber_id", "occurred_at", "id")`);

    // Notes and the change log are records of what happened: rows are added, never changed.
    this.addSql(`create function refuse_change_of_append_only_row() returns trigger language plpgsql as $$
      begin raise exception '% is append-only', tg_table_name; end $$`);
    for (const table of ['subscriber_note', 'subscriber_change']) {
      this.addSql(`create trigger "${table}_append_only" before update or delete on "${table}"
        for each row execute function refuse_change_of_append_only_row()`);
    }

    this.addSql(PROCESSED_EVENT_TABLE_SQL);

    for (const table of [...SUBSCRIBER_DETAIL_TABLES, 'custom_field_definition', 'processed_event']) {
      for (const sql of tenantIsolationSql(table)) this.addSql(sql);
    }
  }

  override async down(): Promise<void> {
    for (const table of ['processed_event', ...SUBSCRIBER_DETAIL_TABLES, 'custom_field_definition']) this.addSql(`drop table if exists "${table}"`);
    this.addSql('drop function if exists refuse_change_of_append_only_row()');
    this.addSql(`alter table "subscriber" drop constraint "subscriber_tenant_id_id_unique"`);
    this.addSql(`alter table "subscriber" drop constraint "subscriber_delinquency_remembers_status"`);
    this.addSql(`alter table "subscriber" drop column "status_before_delinquency"`);
    this.addSql(`alter table "subscriber" drop column "phone"`);
  }
}
