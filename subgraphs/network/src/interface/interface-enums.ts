import { registerEnumType } from 'type-graphql';

export enum InterfaceType {
  ETHERNET = 'ethernet',
  FIBER = 'fiber',
  PON = 'pon',
  WIRELESS = 'wireless',
  LAG = 'lag',
  VLAN = 'vlan',
  LOOPBACK = 'loopback',
  TUNNEL = 'tunnel',
  OTHER = 'other',
}
registerEnumType(InterfaceType, { name: 'InterfaceType' });

export enum InterfaceAdminStatus {
  UP = 'up',
  DOWN = 'down',
}
registerEnumType(InterfaceAdminStatus, { name: 'InterfaceAdminStatus' });

export enum InterfaceOperStatus {
  UP = 'up',
  DOWN = 'down',
  UNKNOWN = 'unknown',
}
registerEnumType(InterfaceOperStatus, { name: 'InterfaceOperStatus' });
