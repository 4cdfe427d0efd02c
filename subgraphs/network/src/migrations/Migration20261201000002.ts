import { Migration } from '@mikro-orm/migrations';
import { tenantIsolationSql } from '@dotmac/kernel';

/** A host address: the full mask of its family (/32 or /128), so equality means the same address. */
const HOST = (column: string) => `check (masklen("${column}") = case family("${column}") when 4 then 32 else 128 end)`;

/** Inventory (devices, their secrets, interfaces) and IP address management (prefixes, pools, allocations). */
export class Migration20261201000002 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "device" (
      "id" uuid primary key,
      "tenant_id" uuid not null,
      "site_id" uuid null references "site" ("id"),
      "parent_id" uuid null references "device" ("id"),
      "kind" text not null check ("kind" in ('router', 'switch', 'olt', 'onu', 'cpe', 'access_point', 'firewall', 'server', 'ups', 'other')),
      "status" text not null check ("status" in ('active', 'planned', 'decommissioned')),
      "name" text not null check (length("name") between 1 and 100),
      "vendor" text null,
      "model" text null,
      "serial" text null,
      "management_ip" inet null ${HOST('management_ip')},
      "snmp_version" text null check ("snmp_version" in ('v1', 'v2c', 'v3')),
      "snmp_port" int null check ("snmp_port" between 1 and 65535),
      "snmp_v3_user" text null,
      "snmp_v3_auth_protocol" text null check ("snmp_v3_auth_protocol" in ('md5', 'sha', 'sha256', 'sha512')),
      "snmp_v3_priv_protocol" text null check ("snmp_v3_priv_protocol" in ('des', 'aes', 'aes256')),
      "subscriber_id" uuid null,
      "description" text null,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      constraint "device_not_own_parent" check ("parent_id" is distinct from "id"),
      constraint "device_subscriber_on_premises" check ("subscriber_id" is null or "kind" in ('cpe', 'onu'))
    )`);
    this.addSql(`create unique index "device_tenant_serial_unique" on "device" ("tenant_id", "serial") where "serial" is not null`);
    this.addSql(`create unique index "device_tenant_management_ip_unique" on "device" ("tenant_id", "management_ip") where "management_ip" is not null`);
    this.addSql(`create index "device_tenant_name_index" on "device" ("tenant_id", "name")`);
    this.addSql(`create index "device_site_index" on "device" ("site_id")`);
    this.addSql(`create index "device_parent_index" on "device" ("parent_id")`);
    this.addSql(`create index "device_subscriber_index" on "device" ("tenant_id", "subscriber_id") where "subscriber_id" is not null`);

    // Sealed with AES-256-GCM by the application; the key id says which key sealed each value.
    this.addSql(`create table "device_secret" (
      "device_id" uuid not null references "device" ("id") on delete cascade,
      "tenant_id" uuid not null,
      "name" text not null check ("name" in ('username', 'password', 'enable_secret', 'snmp_community', 'snmp_auth_key', 'snmp_priv_key')),
      "sealed" text not null,
      "key_id" text not null,
      "updated_at" timestamptz not null,
      primary key ("device_id", "name")
    )`);

    this.addSql(`create table "network_interface" (
      "id" uuid primary key,
      "tenant_id" uuid not null,
      "device_id" uuid not null references "device" ("id"),
      "name" text not null check (length("name") between 1 and 64),
      "type" text not null check ("type" in ('ethernet', 'fiber', 'pon', 'wireless', 'lag', 'vlan', 'loopback', 'tunnel', 'other')),
      "mac_address" macaddr null,
      "speed_mbps" int null check ("speed_mbps" > 0),
      "admin_status" text not null check ("admin_status" in ('up', 'down')),
      "oper_status" text not null check ("oper_status" in ('up', 'down', 'unknown')),
      "ip_addresses" inet[] not null default '{}',
      "description" text null,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      constraint "network_interface_device_name_unique" unique ("device_id", "name")
    )`);

    this.addSql(`create table "ip_prefix" (
      "id" uuid primary key,
      "tenant_id" uuid not null,
      "prefix" cidr not null,
      "parent_id" uuid null references "ip_prefix" ("id"),
      "description" text null,
      "created_at" timestamptz not null
    )`);
    this.addSql(`create unique index "ip_prefix_tenant_prefix_unique" on "ip_prefix" ("tenant_id", "prefix")`);
    this.addSql(`create index "ip_prefix_gist_index" on "ip_prefix" using gist ("prefix" inet_ops)`);

    this.addSql(`create table "ip_pool" (
      "id" uuid primary key,
      "tenant_id" uuid not null,
      "prefix_id" uuid not null references "ip_prefix" ("id"),
      "name" text not null check (length("name") between 1 and 100),
      "start_address" inet not null ${HOST('start_address')},
      "end_address" inet not null ${HOST('end_address')},
      "gateway" inet null ${HOST('gateway')},
      "reserved" inet[] not null default '{}',
      "description" text null,
      "created_at" timestamptz not null,
      constraint "ip_pool_range_ordered" check ("start_address" <= "end_address" and family("start_address") = family("end_address"))
    )`);
    this.addSql(`create unique index "ip_pool_tenant_name_unique" on "ip_pool" ("tenant_id", lower("name"))`);
    this.addSql(`create index "ip_pool_prefix_index" on "ip_pool" ("prefix_id")`);

    this.addSql(`create table "ip_allocation" (
      "id" uuid primary key,
      "tenant_id" uuid not null,
      "pool_id" uuid not null references "ip_pool" ("id"),
      "address" inet not null ${HOST('address')},
      "assignee_type" text not null check ("assignee_type" in ('device', 'interface', 'subscriber')),
      "assignee_id" uuid not null,
      "description" text null,
      "idempotency_key" text null,
      "allocated_at" timestamptz not null,
      "allocated_by" text null,
      "released_at" timestamptz null,
      "released_by" text null,
      constraint "ip_allocation_released_after_allocated" check ("released_at" is null or "released_at" >= "allocated_at")
    )`);
    // The wall against double allocation: one active allocation per address and tenant, whatever the pool.
    this.addSql(`create unique index "ip_allocation_active_address_unique" on "ip_allocation" ("tenant_id", "address") where "released_at" is null`);
    this.addSql(`create unique index "ip_allocation_idempotency_unique" on "ip_allocation" ("tenant_id", "idempotency_key") where "idempotency_key" is not null`);
    this.addSql(`create index "ip_allocation_pool_index" on "ip_allocation" ("pool_id", "allocated_at")`);
    this.addSql(`create index "ip_allocation_history_index" on "ip_allocation" ("tenant_id", "address", "allocated_at")`);
    this.addSql(`create index "ip_allocation_assignee_index" on "ip_allocation" ("tenant_id", "assignee_id") where "released_at" is null`);

    for (const table of ['device', 'device_secret', 'network_interface', 'ip_prefix', 'ip_pool', 'ip_allocation']) {
      for (const sql of tenantIsolationSql(table)) this.addSql(sql);
    }
  }

  override async down(): Promise<void> {
    for (const table of ['ip_allocation', 'ip_pool', 'ip_prefix', 'network_interface', 'device_secret', 'device']) this.addSql(`drop table if exists "${table}" cascade`);
  }
}
