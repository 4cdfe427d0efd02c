import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Node, toGlobalId } from '@dotmac/kernel';
import { DeviceKind, DeviceStatus, SnmpAuthProtocol, SnmpPrivProtocol, SnmpVersion } from './device-kind.js';
import type { Device } from './device.entity.js';

@ObjectType({ description: 'How the device is polled; secrets are only ever reported as present or not.' })
export class SnmpSettings {
  @Field(() => SnmpVersion) version: SnmpVersion;
  @Field(() => Int) port: number;
  @Field(() => String, { nullable: true }) v3User?: string;
  @Field(() => SnmpAuthProtocol, { nullable: true }) v3AuthProtocol?: SnmpAuthProtocol;
  @Field(() => SnmpPrivProtocol, { nullable: true }) v3PrivProtocol?: SnmpPrivProtocol;
  /** Raw device id, for the secret flags. */
  deviceId: string;
}

@Directive('@key(fields: "id")')
@ObjectType('Device', { implements: Node, description: 'A piece of network equipment.' })
export class DeviceType extends Node {
  @Field(() => ID) declare id: string;
  rawId: string;
  tenantId: string;
  siteId?: string;
  parentId?: string;
  subscriberId?: string;
  @Field(() => DeviceKind) kind: DeviceKind;
  @Field(() => DeviceStatus) status: DeviceStatus;
  @Field() name: string;
  @Field(() => String, { nullable: true }) vendor?: string;
  @Field(() => String, { nullable: true }) model?: string;
  @Field(() => String, { nullable: true }) serial?: string;
  @Field(() => String, { nullable: true, description: 'IPv4 or IPv6 host address.' }) managementIp?: string;
  @Field(() => String, { nullable: true }) description?: string;
  @Field(() => SnmpSettings, { nullable: true, description: 'Null when the device is not polled over SNMP.' }) snmp?: SnmpSettings;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;

  static from(row: Device): DeviceType {
    const snmp = row.snmpVersion
      ? Object.assign(new SnmpSettings(), {
          version: row.snmpVersion,
          port: row.snmpPort ?? 161,
          v3User: row.snmpV3User ?? undefined,
          v3AuthProtocol: row.snmpV3AuthProtocol ?? undefined,
          v3PrivProtocol: row.snmpV3PrivProtocol ?? undefined,
          deviceId: row.id,
        })
      : undefined;
    return Object.assign(new DeviceType(), {
      id: toGlobalId('Device', row.id),
      rawId: row.id,
      tenantId: row.tenantId,
      siteId: row.siteId ?? undefined,
      parentId: row.parentId ?? undefined,
      subscriberId: row.subscriberId ?? undefined,
      kind: row.kind,
      status: row.status,
      name: row.name,
      vendor: row.vendor ?? undefined,
      model: row.model ?? undefined,
      serial: row.serial ?? undefined,
      managementIp: row.managementIp ?? undefined,
      description: row.description ?? undefined,
      snmp,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    });
  }
}
