import { Migration } from '@mikro-orm/migrations';
import { OUTBOX_TABLE_SQL, PROCESSED_EVENT_TABLE_SQL, RLS_FUNCTION_SQL, tenantIsolationSql } from '@dotmac/kernel';

const MONEY = 'bigint not null default 0';

/** The billing ledger: plans, subscriptions, taxes, invoices, payments, credit notes, usage, dunning. */
export class Migration20261124100001 extends Migration {
  override async up(): Promise<void> {
    this.addSql(RLS_FUNCTION_SQL);
    this.addSql(`create table "billing_settings" (
      "tenant_id" uuid primary key,
      "currency" char(3) not null,
      "default_tax_jurisdictions" text[] not null default '{}',
      "invoice_prefix" text not null default 'INV-',
      "credit_note_prefix" text not null default 'CN-',
      "updated_at" timestamptz not null default now()
    )`);
    this.addSql(`create table "dunning_policy" (
      "tenant_id" uuid primary key,
      "due_days" int not null check ("due_days" between 0 and 365),
      "grace_days" int not null check ("grace_days" between 0 and 365),
      "steps" jsonb not null,
      "updated_at" timestamptz not null default now()
    )`);
    this.addSql(`create table "service_plan" (
      "id" uuid primary key,
      "tenant_id" uuid not null,
      "code" text not null,
      "name" text not null,
      "description" text null,
      "kind" text not null check ("kind" in ('recurring', 'one_time')),
      "interval" text null check ("interval" in ('monthly', 'quarterly', 'annual')),
      "currency" char(3) not null,
      "price_minor" bigint not null check ("price_minor" >= 0),
      "setup_fee_minor" ${MONEY} check ("setup_fee_minor" >= 0),
      "download_kbps" int null check ("download_kbps" > 0),
      "upload_kbps" int null check ("upload_kbps" > 0),
      "min_contract_months" int not null default 0 check ("min_contract_months" between 0 and 120),
      "status" text not null check ("status" in ('active', 'archived')),
      "usage_metric" text null,
      "usage_aggregation" text null check ("usage_aggregation" in ('count', 'sum', 'max', 'unique_count')),
      "usage_unit" text null,
      "usage_tiers" jsonb null,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      constraint "service_plan_tenant_code_unique" unique ("tenant_id", "code"),
      constraint "service_plan_interval_matches_kind" check (("kind" = 'recurring') = ("interval" is not null)),
      constraint "service_plan_usage_complete" check (("usage_metric" is null) = ("usage_tiers" is null) and ("usage_metric" is null) = ("usage_aggregation" is null))
    )`);
    this.addSql(`create table "billing_account" (
      "subscriber_id" uuid primary key,
      "tenant_id" uuid not null,
      "currency" char(3) not null,
      "tax_jurisdictions" text[] not null default '{}',
      "tax_exempt_jurisdictions" text[] not null default '{}',
      "tax_exemption_reference" text null,
      "delinquent" boolean not null default false,
      "delinquent_since" timestamptz null,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null
    )`);
    this.addSql(`create index "billing_account_tenant_index" on "billing_account" ("tenant_id")`);
    this.addSql(`create table "subscription" (
      "id" uuid primary key,
      "tenant_id" uuid not null,
      "subscriber_id" uuid not null references "billing_account" ("subscriber_id"),
      "plan_id" uuid not null references "service_plan" ("id"),
      "status" text not null check ("status" in ('active', 'cancelled', 'ended')),
      "quantity" int not null default 1 check ("quantity" between 1 and 10000),
      "price_override_minor" bigint null check ("price_override_minor" >= 0),
      "start_date" date not null,
      "end_date" date null,
      "billing_day_mode" text not null check ("billing_day_mode" in ('anniversary', 'fixed_day')),
      "billing_day" int not null check ("billing_day" between 1 and 31),
      "anchor_date" date not null,
      "next_period_index" int not null,
      "next_bill_date" date null,
      "contract_end_date" date null,
      "setup_fee_billed" boolean not null default false,
      "cancelled_at" timestamptz null,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      constraint "subscription_dates_in_order" check ("end_date" is null or "end_date" >= "start_date")
    )`);
    this.addSql(`create index "subscription_due_index" on "subscription" ("tenant_id", "next_bill_date") where "status" in ('active', 'cancelled')`);
    this.addSql(`create index "subscription_subscriber_index" on "subscription" ("tenant_id", "subscriber_id")`);
    this.addSql(`create table "tax_rate" (
      "id" uuid primary key,
      "tenant_id" uuid not null,
      "name" text not null,
      "jurisdiction" text not null,
      "rate" numeric(8, 4) not null check ("rate" > 0 and "rate" < 100),
      "effective_from" date not null,
      "effective_to" date null,
      "created_at" timestamptz not null,
      constraint "tax_rate_dates_in_order" check ("effective_to" is null or "effective_to" >= "effective_from")
    )`);
    this.addSql(`create index "tax_rate_tenant_index" on "tax_rate" ("tenant_id", "jurisdiction")`);
    this.addSql(`create table "billing_run" (
      "id" uuid primary key,
      "tenant_id" uuid not null,
      "as_of" date not null,
      "trigger" text not null check ("trigger" in ('manual', 'scheduler')),
      "status" text not null check ("status" in ('running', 'completed', 'failed')),
      "invoices_issued" int not null default 0,
      "started_at" timestamptz not null,
      "reported_at" timestamptz not null default now(),
      "finished_at" timestamptz null,
      "error" text null
    )`);
    this.addSql(`create index "billing_run_tenant_index" on "billing_run" ("tenant_id", "started_at")`);
    this.addSql(`create table "invoice_sequence" (
      "tenant_id" uuid not null,
      "kind" text not null check ("kind" in ('invoice', 'credit_note')),
      "last_value" bigint not null default 0,
      primary key ("tenant_id", "kind")
    )`);
    this.addSql(`create table "invoice" (
      "id" uuid primary key,
      "tenant_id" uuid not null,
      "subscriber_id" uuid not null references "billing_account" ("subscriber_id"),
      "subscription_id" uuid null references "subscription" ("id"),
      "kind" text not null check ("kind" in ('subscription', 'manual', 'adjustment')),
      "period_start" date null,
      "period_end" date null,
      "number" text null,
      "status" text not null check ("status" in ('draft', 'issued', 'partially_paid', 'paid', 'overdue', 'void')),
      "currency" char(3) not null,
      "issue_date" date null,
      "due_date" date null,
      "subtotal_minor" ${MONEY},
      "tax_minor" ${MONEY},
      "total_minor" ${MONEY},
      "credited_minor" ${MONEY},
      "paid_minor" ${MONEY},
      "memo" text null,
      "billing_run_id" uuid null references "billing_run" ("id"),
      "created_at" timestamptz not null,
      "issued_at" timestamptz null,
      "voided_at" timestamptz null,
      "void_reason" text null,
      constraint "invoice_tenant_number_unique" unique ("tenant_id", "number"),
      constraint "invoice_total_is_subtotal_plus_tax" check ("total_minor" = "subtotal_minor" + "tax_minor"),
      constraint "invoice_settled_within_total" check ("credited_minor" >= 0 and "paid_minor" >= 0 and "credited_minor" + "paid_minor" <= "total_minor"),
      constraint "invoice_numbered_once_issued" check (("number" is null) = ("status" = 'draft')),
      constraint "invoice_period_in_order" check ("period_end" is null or "period_end" > "period_start")
    )`);
    this.addSql(`create unique index "invoice_one_per_subscription_period" on "invoice" ("subscription_id", "period_start") where "kind" = 'subscription' and "status" <> 'void'`);
    this.addSql(`create index "invoice_subscriber_index" on "invoice" ("tenant_id", "subscriber_id", "issue_date")`);
    this.addSql(`create index "invoice_open_index" on "invoice" ("tenant_id", "due_date") where "status" in ('issued', 'partially_paid', 'overdue')`);
    this.addSql(`create table "invoice_line" (
      "id" uuid primary key,
      "tenant_id" uuid not null,
      "invoice_id" uuid not null references "invoice" ("id") on delete cascade deferrable initially deferred,
      "position" int not null,
      "kind" text not null check ("kind" in ('plan', 'setup_fee', 'proration', 'usage', 'one_time', 'manual')),
      "description" text not null,
      "quantity" numeric(20, 6) not null default 1,
      "unit_price_minor" numeric(24, 6) not null default 0,
      "amount_minor" bigint not null,
      "tax_minor" ${MONEY},
      "period_start" date null,
      "period_end" date null,
      "plan_id" uuid null,
      constraint "invoice_line_position_unique" unique ("invoice_id", "position")
    )`);
    this.addSql(`create table "invoice_line_tax" (
      "id" uuid primary key,
      "tenant_id" uuid not null,
      "invoice_id" uuid not null,
      "line_id" uuid not null references "invoice_line" ("id") on delete cascade,
      "tax_rate_id" uuid not null,
      "name" text not null,
      "jurisdiction" text not null,
      "rate" numeric(8, 4) not null,
      "amount_minor" bigint not null
    )`);
    this.addSql(`create index "invoice_line_tax_line_index" on "invoice_line_tax" ("line_id")`);
    this.addSql(`create table "payment" (
      "id" uuid primary key,
      "tenant_id" uuid not null,
      "subscriber_id" uuid not null references "billing_account" ("subscriber_id"),
      "amount_minor" bigint not null check ("amount_minor" > 0),
      "currency" char(3) not null,
      "method" text not null check ("method" in ('card', 'bank_transfer', 'direct_debit', 'cash', 'check', 'other')),
      "processor" text null,
      "processor_payment_id" text null,
      "unallocated_minor" bigint not null check ("unallocated_minor" >= 0),
      "received_at" timestamptz not null,
      "memo" text null,
      "created_at" timestamptz not null,
      constraint "payment_unallocated_within_amount" check ("unallocated_minor" <= "amount_minor"),
      constraint "payment_processor_id_unique" unique ("tenant_id", "processor_payment_id")
    )`);
    this.addSql(`create index "payment_subscriber_index" on "payment" ("tenant_id", "subscriber_id", "received_at")`);
    this.addSql(`create index "payment_credit_index" on "payment" ("tenant_id", "subscriber_id") where "unallocated_minor" > 0`);
    this.addSql(`create table "payment_allocation" (
      "id" uuid primary key,
      "tenant_id" uuid not null,
      "payment_id" uuid not null references "payment" ("id"),
      "invoice_id" uuid not null references "invoice" ("id"),
      "amount_minor" bigint not null check ("amount_minor" <> 0),
      "reason" text not null check ("reason" in ('payment', 'credit_applied', 'credit_note_release')),
      "created_at" timestamptz not null
    )`);
    this.addSql(`create index "payment_allocation_invoice_index" on "payment_allocation" ("invoice_id")`);
    this.addSql(`create index "payment_allocation_payment_index" on "payment_allocation" ("payment_id")`);
    this.addSql(`create table "credit_note" (
      "id" uuid primary key,
      "tenant_id" uuid not null,
      "invoice_id" uuid not null references "invoice" ("id"),
      "subscriber_id" uuid not null references "billing_account" ("subscriber_id"),
      "number" text not null,
      "currency" char(3) not null,
      "subtotal_minor" bigint not null,
      "tax_minor" bigint not null,
      "total_minor" bigint not null check ("total_minor" > 0),
      "reason" text not null,
      "issue_date" date not null,
      "created_at" timestamptz not null,
      constraint "credit_note_tenant_number_unique" unique ("tenant_id", "number"),
      constraint "credit_note_total_is_subtotal_plus_tax" check ("total_minor" = "subtotal_minor" + "tax_minor")
    )`);
    this.addSql(`create index "credit_note_invoice_index" on "credit_note" ("invoice_id")`);
    this.addSql(`create table "credit_note_line" (
      "id" uuid primary key,
      "tenant_id" uuid not null,
      "credit_note_id" uuid not null references "credit_note" ("id"),
      "invoice_line_id" uuid not null references "invoice_line" ("id"),
      "description" text not null,
      "amount_minor" bigint not null check ("amount_minor" >= 0),
      "tax_minor" bigint not null check ("tax_minor" >= 0)
    )`);
    this.addSql(`create index "credit_note_line_invoice_line_index" on "credit_note_line" ("invoice_line_id")`);
    this.addSql(`create table "usage_event" (
      "id" uuid primary key,
      "tenant_id" uuid not null,
      "event_id" text not null,
      "subscriber_id" uuid not null,
      "metric" text not null,
      "quantity" numeric(20, 6) not null check ("quantity" >= 0),
      "unique_key" text null,
      "occurred_at" timestamptz not null,
      "received_at" timestamptz not null default now(),
      constraint "usage_event_tenant_event_unique" unique ("tenant_id", "event_id")
    )`);
    this.addSql(`create index "usage_event_lookup_index" on "usage_event" ("tenant_id", "subscriber_id", "metric", "occurred_at")`);
    this.addSql(`create table "dunning_action" (
      "id" uuid primary key,
      "tenant_id" uuid not null,
      "invoice_id" uuid not null references "invoice" ("id"),
      "subscriber_id" uuid not null,
      "step_index" int not null,
      "action" text not null check ("action" in ('reminder', 'suspend', 'terminate')),
      "executed_at" timestamptz not null,
      constraint "dunning_action_once_per_step" unique ("invoice_id", "step_index")
    )`);
    this.addSql(PROCESSED_EVENT_TABLE_SQL);
    for (const sql of OUTBOX_TABLE_SQL) this.addSql(sql);

    // An issued invoice never changes: its amounts, lines and taxes are frozen by the database.
    this.addSql(`create function billing_freeze_issued_invoice() returns trigger language plpgsql as $$
      begin
        if old.status <> 'draft' and (
          new.subscriber_id, new.currency, new.number, new.issue_date, new.due_date,
          new.subtotal_minor, new.tax_minor, new.total_minor, new.period_start, new.period_end
        ) is distinct from (
          old.subscriber_id, old.currency, old.number, old.issue_date, old.due_date,
          old.subtotal_minor, old.tax_minor, old.total_minor, old.period_start, old.period_end
        ) then
          raise exception 'issued invoice % is immutable', old.number using errcode = 'P0001';
        end if;
        if old.status = 'void' and new.status <> 'void' then
          raise exception 'void invoice % stays void', old.number using errcode = 'P0001';
        end if;
        return new;
      end $$`);
    this.addSql(`create trigger "invoice_frozen_once_issued" before update on "invoice" for each row execute function billing_freeze_issued_invoice()`);
    // Statement-level, so a billing run inserting thousands of lines pays one check per statement.
    const frozenCheck = (rows: string) => `
      begin
        if exists (select 1 from invoice i where i.id = any(array(select distinct invoice_id from ${rows})) and i.status <> 'draft') then
          raise exception 'lines of an issued invoice are immutable' using errcode = 'P0001';
        end if;
        return null;
      end`;
    this.addSql(`create function billing_freeze_inserted_lines() returns trigger language plpgsql as $$${frozenCheck('new_rows')}$$`);
    this.addSql(`create function billing_freeze_removed_lines() returns trigger language plpgsql as $$${frozenCheck('old_rows')}$$`);
    for (const table of ['invoice_line', 'invoice_line_tax']) {
      this.addSql(`create trigger "${table}_insert_frozen" after insert on "${table}" referencing new table as new_rows for each statement execute function billing_freeze_inserted_lines()`);
      this.addSql(`create trigger "${table}_update_frozen" after update on "${table}" referencing old table as old_rows for each statement execute function billing_freeze_removed_lines()`);
      this.addSql(`create trigger "${table}_delete_frozen" after delete on "${table}" referencing old table as old_rows for each statement execute function billing_freeze_removed_lines()`);
    }

    const tenantTables = [
      'billing_settings', 'dunning_policy', 'service_plan', 'billing_account', 'subscription', 'tax_rate', 'billing_run',
      'invoice_sequence', 'invoice', 'invoice_line', 'invoice_line_tax', 'payment', 'payment_allocation', 'credit_note',
      'credit_note_line', 'usage_event', 'dunning_action', 'processed_event', 'outbox_event',
    ];
    for (const table of tenantTables) for (const sql of tenantIsolationSql(table)) this.addSql(sql);
  }

  override async down(): Promise<void> {
    for (const table of [
      'dunning_action', 'usage_event', 'credit_note_line', 'credit_note', 'payment_allocation', 'payment', 'invoice_line_tax',
      'invoice_line', 'invoice', 'invoice_sequence', 'billing_run', 'tax_rate', 'subscription', 'billing_account',
      'service_plan', 'dunning_policy', 'billing_settings', 'processed_event', 'outbox_event',
    ]) this.addSql(`drop table if exists "${table}" cascade`);
    this.addSql('drop function if exists billing_freeze_issued_invoice() cascade');
    this.addSql('drop function if exists billing_freeze_inserted_lines() cascade');
    this.addSql('drop function if exists billing_freeze_removed_lines() cascade');
  }
}
