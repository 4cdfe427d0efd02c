import { executeBound, type EntityManager } from '@dotmac/kernel';
import type { CredentialCipher } from './credential-cipher.js';

export enum DeviceSecretName {
  USERNAME = 'username',
  PASSWORD = 'password',
  ENABLE_SECRET = 'enable_secret',
  SNMP_COMMUNITY = 'snmp_community',
  SNMP_AUTH_KEY = 'snmp_auth_key',
  SNMP_PRIV_KEY = 'snmp_priv_key',
}

/** A secret's associated data: the ciphertext only opens for this device and this field. */
const contextOf = (deviceId: string, name: DeviceSecretName): string => `device:${deviceId}:${name}`;

/** New values for some of a device's secrets: a string seals it, null removes it, absent keeps it. */
export type SecretChanges = Partial<Record<DeviceSecretName, string | null>>;

/** Seals and stores (or removes) a device's secrets inside the caller's transaction. */
export async function writeDeviceSecrets(em: EntityManager, cipher: CredentialCipher, device: { id: string; tenantId: string }, changes: SecretChanges): Promise<void> {
  for (const [name, value] of Object.entries(changes) as [DeviceSecretName, string | null | undefined][]) {
    if (value === undefined) continue;
    if (value === null) {
      await executeBound(em, `delete from device_secret where device_id = ? and name = ?`, [device.id, name]);
      continue;
    }
    await executeBound(
      em,
      `insert into device_secret (device_id, tenant_id, name, sealed, key_id, updated_at) values (?, ?, ?, ?, ?, now())
       on conflict (device_id, name) do update set sealed = excluded.sealed, key_id = excluded.key_id, updated_at = excluded.updated_at`,
      [device.id, device.tenantId, name, cipher.seal(value, contextOf(device.id, name)), cipher.keyId],
    );
  }
}

/** Which secrets each device has (names only, nothing decrypted), one statement for all. */
export async function secretNamesOfDevices(em: EntityManager, deviceIds: readonly string[]): Promise<Map<string, Set<DeviceSecretName>>> {
  const rows = await executeBound<{ device_id: string; name: DeviceSecretName }>(em, `select device_id, name from device_secret where device_id = any(?::uuid[])`, [
    `{${deviceIds.join(',')}}`,
  ]);
  const byDevice = new Map<string, Set<DeviceSecretName>>();
  for (const row of rows) byDevice.set(row.device_id, (byDevice.get(row.device_id) ?? new Set()).add(row.name));
  return byDevice;
}

/**
 * Opens one secret for the subgraph's own use (polling, provisioning). Nothing in the public API
 * calls it: the API says only whether a secret is set.
 */
export async function openDeviceSecret(em: EntityManager, cipher: CredentialCipher, deviceId: string, name: DeviceSecretName): Promise<string | undefined> {
  const [row] = await executeBound<{ sealed: string }>(em, `select sealed from device_secret where device_id = ? and name = ?`, [deviceId, name]);
  return row ? cipher.open(row.sealed, contextOf(deviceId, name)) : undefined;
}
