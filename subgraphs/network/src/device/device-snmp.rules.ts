import { AppError } from '@dotmac/kernel';
import { DeviceSecretName, type SecretChanges } from '../credentials/device-secret.store.js';
import { SnmpVersion } from './device-kind.js';
import type { Device } from './device.entity.js';
import type { DeviceCredentialsInput, SnmpSettingsInput } from './device.input.js';

type SnmpColumns = Pick<Device, 'snmpVersion' | 'snmpPort' | 'snmpV3User' | 'snmpV3AuthProtocol' | 'snmpV3PrivProtocol'>;

const NO_SNMP: SnmpColumns = { snmpVersion: null, snmpPort: null, snmpV3User: null, snmpV3AuthProtocol: null, snmpV3PrivProtocol: null };
const SNMP_SECRETS = [DeviceSecretName.SNMP_COMMUNITY, DeviceSecretName.SNMP_AUTH_KEY, DeviceSecretName.SNMP_PRIV_KEY];

function secretText(value: string | null | undefined, field: string, minLength: number): string | undefined {
  if (value == null) return undefined;
  if (value.length < minLength || value.length > 256) throw AppError.badInput(`${field} must be ${minLength}–256 characters`, field);
  return value;
}

/**
 * The SNMP columns and secret changes for new settings. `stored` names the SNMP secrets the device
 * already has: an omitted secret is kept when the settings still use it, removed when they no
 * longer do (v2c → v3 drops the community).
 */
export function snmpChanges(input: SnmpSettingsInput | null, stored: ReadonlySet<DeviceSecretName>): { columns: SnmpColumns; secrets: SecretChanges } {
  if (!input) return { columns: NO_SNMP, secrets: Object.fromEntries(SNMP_SECRETS.filter((name) => stored.has(name)).map((name) => [name, null])) };
  const port = input.port ?? 161;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw AppError.badInput('SNMP port must be 1–65535', 'snmp.port');
  if (input.version !== SnmpVersion.V3) {
    if (input.v3User || input.v3AuthKey || input.v3PrivKey || input.v3AuthProtocol || input.v3PrivProtocol) {
      throw AppError.badInput('v3 settings apply to SNMP v3 only', 'snmp.v3User');
    }
    const community = secretText(input.community, 'snmp.community', 1);
    if (!community && !stored.has(DeviceSecretName.SNMP_COMMUNITY)) throw AppError.badInput(`SNMP ${input.version} needs a community`, 'snmp.community');
    return {
      columns: { ...NO_SNMP, snmpVersion: input.version, snmpPort: port },
      secrets: { [DeviceSecretName.SNMP_COMMUNITY]: community, [DeviceSecretName.SNMP_AUTH_KEY]: stored.has(DeviceSecretName.SNMP_AUTH_KEY) ? null : undefined, [DeviceSecretName.SNMP_PRIV_KEY]: stored.has(DeviceSecretName.SNMP_PRIV_KEY) ? null : undefined },
    };
  }
  if (input.community) throw AppError.badInput('SNMP v3 has no community; give a v3 user and keys', 'snmp.community');
  const user = input.v3User?.trim();
  if (!user || user.length > 64) throw AppError.badInput('SNMP v3 needs a user of 1–64 characters', 'snmp.v3User');
  const authKey = secretText(input.v3AuthKey, 'snmp.v3AuthKey', 8);
  const privKey = secretText(input.v3PrivKey, 'snmp.v3PrivKey', 8);
  const hasAuth = Boolean(input.v3AuthProtocol) && (authKey !== undefined || stored.has(DeviceSecretName.SNMP_AUTH_KEY));
  const hasPriv = Boolean(input.v3PrivProtocol) && (privKey !== undefined || stored.has(DeviceSecretName.SNMP_PRIV_KEY));
  if ((input.v3AuthProtocol || authKey) && !hasAuth) throw AppError.badInput('SNMP v3 authentication needs a protocol and a key', input.v3AuthProtocol ? 'snmp.v3AuthKey' : 'snmp.v3AuthProtocol');
  if ((input.v3PrivProtocol || privKey) && !hasPriv) throw AppError.badInput('SNMP v3 privacy needs a protocol and a key', input.v3PrivProtocol ? 'snmp.v3PrivKey' : 'snmp.v3PrivProtocol');
  if (hasPriv && !hasAuth) throw AppError.badInput('SNMP v3 privacy needs authentication too', 'snmp.v3AuthProtocol');
  return {
    columns: { snmpVersion: SnmpVersion.V3, snmpPort: port, snmpV3User: user, snmpV3AuthProtocol: hasAuth ? input.v3AuthProtocol : null, snmpV3PrivProtocol: hasPriv ? input.v3PrivProtocol : null },
    secrets: {
      [DeviceSecretName.SNMP_COMMUNITY]: stored.has(DeviceSecretName.SNMP_COMMUNITY) ? null : undefined,
      [DeviceSecretName.SNMP_AUTH_KEY]: hasAuth ? authKey : stored.has(DeviceSecretName.SNMP_AUTH_KEY) ? null : undefined,
      [DeviceSecretName.SNMP_PRIV_KEY]: hasPriv ? privKey : stored.has(DeviceSecretName.SNMP_PRIV_KEY) ? null : undefined,
    },
  };
}

/** Login secret changes: a string sets, null removes, absent keeps; blank is refused. */
export function credentialChanges(input: DeviceCredentialsInput): SecretChanges {
  const one = (value: string | null | undefined, field: string) => {
    if (value === undefined || value === null) return value;
    if (value.length < 1 || value.length > 256) throw AppError.badInput(`${field} must be 1–256 characters`, `credentials.${field}`);
    return value;
  };
  return {
    [DeviceSecretName.USERNAME]: one(input.username, 'username'),
    [DeviceSecretName.PASSWORD]: one(input.password, 'password'),
    [DeviceSecretName.ENABLE_SECRET]: one(input.enableSecret, 'enableSecret'),
  };
}

export const LOGIN_SECRETS: readonly DeviceSecretName[] = [DeviceSecretName.USERNAME, DeviceSecretName.PASSWORD, DeviceSecretName.ENABLE_SECRET];
