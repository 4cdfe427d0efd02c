import { Migration } from '@mikro-orm/migrations';
import { OUTBOX_TABLE_SQL, RLS_FUNCTION_SQL, tenantIsolationSql } from '@dotmac/kernel';

/** Tenants, users, sessions, API keys, audit log and outbox, all under row-level security. */
export class Migration20261124000001 extends Migration {
  override async up(): Promise<void> {
    this.addSql(RLS_FUNCTION_SQL);
    this.addSql(`create table "tenant" (
      "id" uuid primary key,
      "slug" text not null constraint "tenant_slug_unique" unique,
      "name" text not null,
      "plan_tier" text not null check ("plan_tier" in ('starter', 'growth', 'enterprise')),
      "status" text not null check ("status" in ('pending', 'provisioning', 'active', 'suspended', 'cancelled')),
      "deployment_mode" text not null default 'pooled' check ("deployment_mode" in ('pooled', 'silo')),
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null
    )`);
    this.addSql(`create table "app_user" (
      "id" uuid primary key,
      "tenant_id" uuid null references "tenant" ("id"),
      "email" text not null constraint "app_user_email_unique" unique,
      "display_name" text not null,
      "password_hash" text not null,
      "roles" text[] not null,
      "status" text not null check ("status" in ('active', 'disabled')),
      "last_login_at" timestamptz null,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      constraint "app_user_platform_admin_has_no_tenant" check (("tenant_id" is null) = ('platform_admin' = any("roles")))
    )`);
    this.addSql(`create index "app_user_tenant_idx" on "app_user" ("tenant_id")`);
    this.addSql(`create table "session" (
      "id" uuid primary key,
      "family_id" uuid not null,
      "user_id" uuid not null references "app_user" ("id"),
      "tenant_id" uuid null references "tenant" ("id"),
      "token_hash" text not null constraint "session_token_hash_unique" unique,
      "expires_at" timestamptz not null,
      "revoked_at" timestamptz null,
      "replaced_by_id" uuid null,
      "client_ip" text null,
      "created_at" timestamptz not null
    )`);
    this.addSql(`create index "session_family_idx" on "session" ("family_id")`);
    this.addSql(`create index "session_user_idx" on "session" ("user_id")`);
    this.addSql(`create table "api_key" (
      "id" uuid primary key,
      "tenant_id" uuid not null references "tenant" ("id"),
      "name" text not null,
      "secret_hash" text not null,
      "roles" text[] not null,
      "created_by_id" uuid null,
      "created_at" timestamptz not null,
      "expires_at" timestamptz null,
      "revoked_at" timestamptz null,
      "last_used_at" timestamptz null
    )`);
    this.addSql(`create index "api_key_tenant_idx" on "api_key" ("tenant_id", "created_at")`);
    this.addSql(`create table "audit_entry" (
      "id" uuid primary key,
      "tenant_id" uuid null,
      "service" text not null,
      "operation" text not null,
      "actor_kind" text not null,
      "actor_id" uuid null,
      "target_type" text null,
      "target_id" uuid null,
      "request_id" text not null,
      "client_ip" text null,
      "details" jsonb null,
      "occurred_at" timestamptz not null
    )`);
    this.addSql(`create index "audit_entry_tenant_time_idx" on "audit_entry" ("tenant_id", "occurred_at" desc)`);
    this.addSql(`create index "audit_entry_time_idx" on "audit_entry" ("occurred_at" desc)`);
    for (const sql of OUTBOX_TABLE_SQL) this.addSql(sql);
    for (const sql of tenantIsolationSql('tenant', 'id')) this.addSql(sql);
    for (const table of ['app_user', 'session', 'api_key', 'audit_entry', 'outbox_event']) {
      for (const sql of tenantIsolationSql(table)) this.addSql(sql);
    }
  }

  override async down(): Promise<void> {
    for (const table of ['outbox_event', 'audit_entry', 'api_key', 'session', 'app_user', 'tenant']) {
      this.addSql(`drop table if exists "${table}" cascade`);
    }
  }
}
