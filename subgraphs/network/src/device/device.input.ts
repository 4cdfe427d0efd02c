import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { SortDirection } from '@dotmac/kernel';
import { DeviceKind, DeviceStatus, SnmpAuthProtocol, SnmpPrivProtocol, SnmpVersion } from './device-kind.js';

@InputType({ description: 'SNMP settings; secrets are sealed at rest and never returned.' })
export class SnmpSettingsInput {
  @Field(() => SnmpVersion) version: SnmpVersion;
  @Field(() => Int, { nullable: true, description: 'UDP port, 161 when omitted.' }) port?: number | null;
  @Field(() => String, { nullable: true, description: 'v1/v2c: required unless one is already stored.' }) community?: string | null;
  @Field(() => String, { nullable: true, description: 'v3: the USM user name (required).' }) v3User?: string | null;
  @Field(() => SnmpAuthProtocol, { nullable: true }) v3AuthProtocol?: SnmpAuthProtocol | null;
  @Field(() => String, { nullable: true, description: 'v3: at least 8 characters; kept when omitted and already stored.' }) v3AuthKey?: string | null;
  @Field(() => SnmpPrivProtocol, { nullable: true, description: 'v3: privacy needs authentication.' }) v3PrivProtocol?: SnmpPrivProtocol | null;
  @Field(() => String, { nullable: true, description: 'v3: at least 8 characters; kept when omitted and already stored.' }) v3PrivKey?: string | null;
}

@InputType({ description: 'Login secrets of a device; sealed at rest and never returned.' })
export class DeviceCredentialsInput {
  @Field(() => String, { nullable: true, description: 'Null removes it; absent keeps it.' }) username?: string | null;
  @Field(() => String, { nullable: true, description: 'Null removes it; absent keeps it.' }) password?: string | null;
  @Field(() => String, { nullable: true, description: 'Null removes it; absent keeps it.' }) enableSecret?: string | null;
}

@InputType()
export class CreateDeviceInput {
  @Field(() => ID, { nullable: true, description: 'Platform admins name the ISP; ISP staff get their own.' }) tenantId?: string;
  @Field(() => DeviceKind) kind: DeviceKind;
  @Field({ description: '1–100 characters.' }) name: string;
  @Field(() => DeviceStatus, { nullable: true, description: 'ACTIVE when omitted.' }) status?: DeviceStatus;
  @Field(() => String, { nullable: true }) vendor?: string | null;
  @Field(() => String, { nullable: true }) model?: string | null;
  @Field(() => String, { nullable: true, description: 'Unique within the ISP.' }) serial?: string | null;
  @Field(() => ID, { nullable: true }) siteId?: string | null;
  @Field(() => String, { nullable: true, description: 'IPv4 or IPv6 host address, unique within the ISP.' }) managementIp?: string | null;
  @Field(() => ID, { nullable: true, description: 'Upstream device; the topology never has a cycle.' }) parentId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Subscriber whose premises it is at (CPE and ONU only).' }) subscriberId?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => SnmpSettingsInput, { nullable: true }) snmp?: SnmpSettingsInput | null;
  @Field(() => DeviceCredentialsInput, { nullable: true }) credentials?: DeviceCredentialsInput | null;
}

@InputType({ description: 'Absent fields stay as they are; null clears.' })
export class UpdateDeviceInput {
  @Field(() => ID, { nullable: true, description: 'Platform admins name the ISP.' }) tenantId?: string;
  @Field(() => ID) deviceId: string;
  @Field(() => DeviceKind, { nullable: true }) kind?: DeviceKind;
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => DeviceStatus, { nullable: true }) status?: DeviceStatus;
  @Field(() => String, { nullable: true }) vendor?: string | null;
  @Field(() => String, { nullable: true }) model?: string | null;
  @Field(() => String, { nullable: true }) serial?: string | null;
  @Field(() => ID, { nullable: true }) siteId?: string | null;
  @Field(() => String, { nullable: true }) managementIp?: string | null;
  @Field(() => ID, { nullable: true }) parentId?: string | null;
  @Field(() => ID, { nullable: true }) subscriberId?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => SnmpSettingsInput, { nullable: true, description: 'Replaces the SNMP settings; null removes them and their secrets.' }) snmp?: SnmpSettingsInput | null;
}

@InputType()
export class SetDeviceCredentialsInput {
  @Field(() => ID, { nullable: true, description: 'Platform admins name the ISP.' }) tenantId?: string;
  @Field(() => ID) deviceId: string;
  @Field(() => DeviceCredentialsInput) credentials: DeviceCredentialsInput;
}

@InputType()
export class DeviceFilter {
  @Field(() => [ID], { nullable: true, description: 'Devices at any of these sites.' }) siteIds?: string[];
  @Field(() => [DeviceKind], { nullable: true }) kind?: DeviceKind[];
  @Field(() => [DeviceStatus], { nullable: true }) status?: DeviceStatus[];
  @Field(() => ID, { nullable: true, description: 'Direct children of this device.' }) parentId?: string;
  @Field(() => String, { nullable: true, description: 'Case-insensitive match on name, vendor, model or serial; an IP address matches the management IP.' }) search?: string;
}

export enum DeviceOrderField {
  NAME = 'name',
  KIND = 'kind',
  STATUS = 'status',
  CREATED_AT = 'createdAt',
}
registerEnumType(DeviceOrderField, { name: 'DeviceOrderField' });

@InputType()
export class DeviceOrder {
  @Field(() => DeviceOrderField) field: DeviceOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC }) direction: SortDirection;
}
