/**
 * What the poller needs to know about a device, and where it gets the list from. The device
 * inventory implements `DeviceSource`; the poller never reads the device table itself.
 */
export type SnmpVersion = 'v1' | 'v2c' | 'v3';
export type SnmpAuthProtocol = 'md5' | 'sha' | 'sha256' | 'sha512';
export type SnmpPrivProtocol = 'des' | 'aes' | 'aes256';

/**
 * SNMPv3 user-based security: no auth (noAuthNoPriv), auth only (authNoPriv), or both (authPriv).
 * A protocol without its key, or privacy without authentication, is refused (reason `settings`).
 */
export interface SnmpV3Credentials {
  user: string;
  authProtocol?: SnmpAuthProtocol;
  authKey?: string;
  privProtocol?: SnmpPrivProtocol;
  privKey?: string;
}

export interface SnmpSettings {
  version: SnmpVersion;
  /** UDP port of the agent, usually 161. */
  port: number;
  /** v1 and v2c. */
  community?: string;
  /** v3. */
  v3?: SnmpV3Credentials;
}

export interface PolledDevice {
  id: string;
  tenantId: string;
  /** IPv4 or IPv6 address the agent answers on. */
  managementIp: string;
  snmp: SnmpSettings;
  /** The inventory's device kind (router, switch, olt, ...); carried along, not interpreted. */
  kind: string;
}

export interface DeviceSource {
  /** Every device to poll this cycle: active, with a management IP and SNMP settings (secrets opened). */
  listPollable(): Promise<PolledDevice[]>;
}
