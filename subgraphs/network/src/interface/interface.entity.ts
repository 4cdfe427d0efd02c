import { randomUUID } from 'node:crypto';
import { ArrayType, Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { TenantFiltered } from '@dotmac/kernel';
import { InterfaceAdminStatus, InterfaceOperStatus, InterfaceType } from './interface-enums.js';

/** A port of a device; its name is unique on the device. */
@Entity({ tableName: 'network_interface' })
@TenantFiltered()
export class NetworkInterface {
  [OptionalProps]?: 'adminStatus' | 'operStatus' | 'ipAddresses' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId: string;

  @Property({ type: 'uuid' })
  deviceId: string;

  @Property({ type: 'text' })
  name: string;

  @Enum({ items: () => InterfaceType })
  type: InterfaceType;

  @Property({ type: 'string', columnType: 'macaddr', nullable: true })
  macAddress?: string | null;

  @Property({ type: 'integer', nullable: true })
  speedMbps?: number | null;

  @Enum({ items: () => InterfaceAdminStatus })
  adminStatus: InterfaceAdminStatus = InterfaceAdminStatus.UP;

  @Enum({ items: () => InterfaceOperStatus })
  operStatus: InterfaceOperStatus = InterfaceOperStatus.UNKNOWN;

  /** Addresses configured on the port, with their prefix length ("10.0.0.1/24"). */
  @Property({ type: ArrayType, columnType: 'inet[]' })
  ipAddresses: string[] = [];

  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
