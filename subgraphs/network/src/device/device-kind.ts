import { registerEnumType } from 'type-graphql';

export enum DeviceKind {
  ROUTER = 'router',
  SWITCH = 'switch',
  OLT = 'olt',
  ONU = 'onu',
  CPE = 'cpe',
  ACCESS_POINT = 'access_point',
  FIREWALL = 'firewall',
  SERVER = 'server',
  UPS = 'ups',
  OTHER = 'other',
}
registerEnumType(DeviceKind, { name: 'DeviceKind' });

/** Kinds that sit at a subscriber's premises and may be linked to one. */
export const PREMISES_KINDS: readonly DeviceKind[] = [DeviceKind.CPE, DeviceKind.ONU];

export enum DeviceStatus {
  ACTIVE = 'active',
  PLANNED = 'planned',
  DECOMMISSIONED = 'decommissioned',
}
registerEnumType(DeviceStatus, { name: 'DeviceStatus' });

export enum SnmpVersion {
  V1 = 'v1',
  V2C = 'v2c',
  V3 = 'v3',
}
registerEnumType(SnmpVersion, { name: 'SnmpVersion' });

export enum SnmpAuthProtocol {
  MD5 = 'md5',
  SHA = 'sha',
  SHA256 = 'sha256',
  SHA512 = 'sha512',
}
registerEnumType(SnmpAuthProtocol, { name: 'SnmpAuthProtocol' });

export enum SnmpPrivProtocol {
  DES = 'des',
  AES = 'aes',
  AES256 = 'aes256',
}
registerEnumType(SnmpPrivProtocol, { name: 'SnmpPrivProtocol' });
