import type { SnmpVersion } from './polled-device.js';

/** A device's SNMP settings cannot make a session; it is reported down with reason `settings`. */
export class SnmpSettingsError extends Error {
  private constructor(message: string) {
    super(message);
    this.name = 'SnmpSettingsError';
  }

  static missingCommunity(version: SnmpVersion): SnmpSettingsError {
    return new SnmpSettingsError(`SNMP ${version} needs a community`);
  }

  static missingV3User(): SnmpSettingsError {
    return new SnmpSettingsError('SNMPv3 needs a user');
  }

  static incompleteV3(what: 'authentication' | 'privacy'): SnmpSettingsError {
    return new SnmpSettingsError(`SNMPv3 ${what} needs both a protocol and a key`);
  }

  /** Polling in the clear what was meant to be encrypted would be a silent downgrade. */
  static privacyWithoutAuthentication(): SnmpSettingsError {
    return new SnmpSettingsError('SNMPv3 privacy needs authentication');
  }
}
