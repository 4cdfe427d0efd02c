/** The numeric OIDs the poller reads; numeric so no MIB files are needed at run time. */
export const OID = {
  /** SNMPv2-MIB sysUpTime.0: TimeTicks (hundredths of a second) since the agent started. */
  sysUpTime: '1.3.6.1.2.1.1.3.0',

  /** HOST-RESOURCES-MIB hrProcessorLoad: % busy over the last minute, one row per processor. */
  hrProcessorLoad: '1.3.6.1.2.1.25.3.3.1.2',
  hrStorageType: '1.3.6.1.2.1.25.2.3.1.2',
  hrStorageSize: '1.3.6.1.2.1.25.2.3.1.5',
  hrStorageUsed: '1.3.6.1.2.1.25.2.3.1.6',
  /** hrStorageTypes.hrStorageRam: the value of hrStorageType for physical memory. */
  hrStorageRam: '1.3.6.1.2.1.25.2.1.2',

  /** IF-MIB ifXTable (64-bit counters, SNMPv2c and later). */
  ifName: '1.3.6.1.2.1.31.1.1.1.1',
  ifHCInOctets: '1.3.6.1.2.1.31.1.1.1.6',
  ifHCOutOctets: '1.3.6.1.2.1.31.1.1.1.10',
  /** IF-MIB ifTable (32-bit counters, all versions). */
  ifDescr: '1.3.6.1.2.1.2.2.1.2',
  ifInOctets: '1.3.6.1.2.1.2.2.1.10',
  ifOutOctets: '1.3.6.1.2.1.2.2.1.16',

  /** ENTITY-MIB entPhysicalName, and ENTITY-SENSOR-MIB entPhySensorTable columns. */
  entPhysicalName: '1.3.6.1.2.1.47.1.1.1.1.7',
  entPhySensorType: '1.3.6.1.2.1.99.1.1.1.1',
  entPhySensorScale: '1.3.6.1.2.1.99.1.1.1.2',
  entPhySensorPrecision: '1.3.6.1.2.1.99.1.1.1.3',
  entPhySensorValue: '1.3.6.1.2.1.99.1.1.1.4',
  entPhySensorOperStatus: '1.3.6.1.2.1.99.1.1.1.5',
} as const;
