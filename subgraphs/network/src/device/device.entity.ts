import { randomUUID } from 'node:crypto';
import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { TenantFiltered } from '@dotmac/kernel';
import { DeviceKind, DeviceStatus, SnmpAuthProtocol, SnmpPrivProtocol, SnmpVersion } from './device-kind.js';

/** A piece of network equipment. Its secrets live apart, sealed, in `device_secret`. */
@Entity({ tableName: 'device' })
@TenantFiltered()
export class Device {
  [OptionalProps]?: 'status' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId: string;

  @Property({ type: 'uuid', nullable: true })
  siteId?: string | null;

  /** Upstream device in the topology (an ONU's OLT, a switch's router). */
  @Property({ type: 'uuid', nullable: true })
  parentId?: string | null;

  @Enum({ items: () => DeviceKind })
  kind: DeviceKind;

  @Enum({ items: () => DeviceStatus })
  status: DeviceStatus = DeviceStatus.ACTIVE;

  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'text', nullable: true })
  vendor?: string | null;

  @Property({ type: 'text', nullable: true })
  model?: string | null;

  @Property({ type: 'text', nullable: true })
  serial?: string | null;

  @Property({ type: 'string', columnType: 'inet', nullable: true })
  managementIp?: string | null;

  @Enum({ items: () => SnmpVersion, nullable: true })
  snmpVersion?: SnmpVersion | null;

  @Property({ type: 'integer', nullable: true })
  snmpPort?: number | null;

  @Property({ type: 'text', nullable: true, fieldName: 'snmp_v3_user' })
  snmpV3User?: string | null;

  @Enum({ items: () => SnmpAuthProtocol, nullable: true, fieldName: 'snmp_v3_auth_protocol' })
  snmpV3AuthProtocol?: SnmpAuthProtocol | null;

  @Enum({ items: () => SnmpPrivProtocol, nullable: true, fieldName: 'snmp_v3_priv_protocol' })
  snmpV3PrivProtocol?: SnmpPrivProtocol | null;

  /** Raw id of the Subscriber (customers subgraph) whose premises it is at; CPE and ONU only. */
  @Property({ type: 'uuid', nullable: true })
  subscriberId?: string | null;

  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
