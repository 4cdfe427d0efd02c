import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromGlobalId } from '@dotmac/kernel';
import { CredentialCipher, parseCredentialsKey } from '@dotmac/network';
import { dataOf, gql } from '../support/client.js';
import { createIsp, type Isp } from '../support/fixtures.js';
import { createDevice, SET_CREDENTIALS, withNetworkDb } from './network-fixtures.js';

describe('device credentials', () => {
  let isp: Isp;
  let token: string;

  beforeAll(async () => {
    isp = await createIsp('creds');
    token = isp.admin.accessToken;
  });

  it('stores credentials sealed: the raw table holds no plaintext, the API only says they exist', async () => {
    const password = `pw-${randomBytes(8).toString('hex')}`;
    const community = `community-${randomBytes(8).toString('hex')}`;
    const device = await createDevice(token, {
      snmp: { version: 'V2C', community },
      credentials: { username: 'admin-user-xyz', password, enableSecret: 'enable-secret-xyz' },
    });
    expect(device.hasCredentials).toBe(true);
    expect(device.snmp.hasCommunity).toBe(true);
    const rows = await withNetworkDb((client) => client.query(`select * from device_secret where device_id = $1`, [fromGlobalId(device.id).id]));
    expect(rows.rows.map((row) => row.name).sort()).toEqual(['enable_secret', 'password', 'snmp_community', 'username']);
    const raw = JSON.stringify(rows.rows);
    for (const secret of [password, community, 'admin-user-xyz', 'enable-secret-xyz']) expect(raw).not.toContain(secret);
    for (const row of rows.rows) expect(row.sealed).toMatch(new RegExp(`^v1:${row.key_id}:`));
    const dump = await withNetworkDb((client) => client.query(`select to_jsonb(d) as row from device d where id = $1`, [fromGlobalId(device.id).id]));
    expect(JSON.stringify(dump.rows)).not.toContain(password);
  });

  it('removes credentials with null and keeps the ones not named', async () => {
    const device = await createDevice(token, { credentials: { username: 'u', password: 'p' } });
    const result = dataOf(await gql(SET_CREDENTIALS, { input: { deviceId: device.id, credentials: { password: null } } }, { token })).setDeviceCredentials;
    expect(result.device.hasCredentials).toBe(true);
    const names = await withNetworkDb((client) => client.query(`select name from device_secret where device_id = $1`, [fromGlobalId(device.id).id]));
    expect(names.rows.map((row) => row.name)).toEqual(['username']);
    const none = dataOf(await gql(SET_CREDENTIALS, { input: { deviceId: device.id, credentials: { username: null } } }, { token })).setDeviceCredentials;
    expect(none.device.hasCredentials).toBe(false);
  });

  it('refuses blank secrets with BAD_USER_INPUT', async () => {
    const device = await createDevice(token);
    const result = dataOf(await gql(SET_CREDENTIALS, { input: { deviceId: device.id, credentials: { password: '' } } }, { token })).setDeviceCredentials;
    expect(result.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['credentials', 'password'] });
  });
});

describe('the credential cipher', () => {
  const key = randomBytes(32);

  it('opens what it sealed, only for the same context, and reads keys given as hex or base64', () => {
    const cipher = new CredentialCipher(key);
    const sealed = cipher.seal('s3cret', 'device:1:password');
    expect(sealed).not.toContain('s3cret');
    expect(cipher.open(sealed, 'device:1:password')).toBe('s3cret');
    expect(() => cipher.open(sealed, 'device:2:password')).toThrow();
    expect(parseCredentialsKey(key.toString('hex'))).toEqual(key);
    expect(parseCredentialsKey(key.toString('base64'))).toEqual(key);
    expect(parseCredentialsKey(key.toString('base64url'))).toEqual(key);
    expect(parseCredentialsKey('too-short')).toBeUndefined();
  });

  it('still opens values sealed with a previous key after a rotation', () => {
    const old = new CredentialCipher(key);
    const sealed = old.seal('kept', 'ctx');
    const rotated = new CredentialCipher(randomBytes(32), [key]);
    expect(rotated.open(sealed, 'ctx')).toBe('kept');
    expect(CredentialCipher.keyIdOfSealed(rotated.seal('new', 'ctx'))).toBe(rotated.keyId);
    expect(() => new CredentialCipher(randomBytes(32)).open(sealed, 'ctx')).toThrow(/unknown key/);
  });
});
