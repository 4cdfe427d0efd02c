import { isIPv6 } from 'node:net';
import snmp from 'net-snmp';
import type { PolledDevice, SnmpAuthProtocol, SnmpPrivProtocol, SnmpV3Credentials } from './polled-device.js';
import { SnmpSettingsError } from './snmp-settings.errors.js';
import { rowIndex } from './snmp-values.js';

export interface SessionTiming {
  /** Wait for one answer before resending, in ms. */
  timeoutMs: number;
  /** Resends after the first attempt. */
  retries: number;
}

/** One device's SNMP conversation: promise-shaped get and column walk over a net-snmp session. */
export interface SnmpSession {
  /** Values of scalar OIDs in order; undefined where the agent has no such object. */
  get(oids: string[]): Promise<unknown[]>;
  /** A table column as row index → value (empty when the agent has no such column). */
  walkColumn(columnOid: string): Promise<Map<string, unknown>>;
  close(): void;
}

const AUTH_PROTOCOLS: Record<SnmpAuthProtocol, snmp.AuthProtocols> = {
  md5: snmp.AuthProtocols.md5,
  sha: snmp.AuthProtocols.sha,
  sha256: snmp.AuthProtocols.sha256,
  sha512: snmp.AuthProtocols.sha512,
};

// AES-256 comes in two incompatible key localisations; Blumenthal's is Net-SNMP's "AES256".
const PRIV_PROTOCOLS: Record<SnmpPrivProtocol, snmp.PrivProtocols> = {
  des: snmp.PrivProtocols.des,
  aes: snmp.PrivProtocols.aes,
  aes256: snmp.PrivProtocols.aes256b,
};

function v3User(credentials: SnmpV3Credentials): snmp.User {
  const { user, authProtocol, authKey, privProtocol, privKey } = credentials;
  if (!user) throw SnmpSettingsError.missingV3User();
  if (!authProtocol !== !authKey) throw SnmpSettingsError.incompleteV3('authentication');
  if (!privProtocol !== !privKey) throw SnmpSettingsError.incompleteV3('privacy');
  if (!authProtocol || !authKey) {
    if (privProtocol) throw SnmpSettingsError.privacyWithoutAuthentication();
    return { name: user, level: snmp.SecurityLevel.noAuthNoPriv };
  }
  const auth = { name: user, authProtocol: AUTH_PROTOCOLS[authProtocol], authKey };
  if (!privProtocol || !privKey) return { ...auth, level: snmp.SecurityLevel.authNoPriv };
  return { ...auth, level: snmp.SecurityLevel.authPriv, privProtocol: PRIV_PROTOCOLS[privProtocol], privKey };
}

function openNetSnmpSession(device: PolledDevice, timing: SessionTiming): snmp.Session {
  const { managementIp: ip, snmp: settings } = device;
  const common = { port: settings.port, timeout: timing.timeoutMs, retries: timing.retries, backoff: 1, transport: isIPv6(ip) ? 'udp6' : 'udp4' } as const;
  if (settings.version === 'v3') {
    if (!settings.v3) throw SnmpSettingsError.missingV3User();
    return snmp.createV3Session(ip, v3User(settings.v3), { ...common, version: snmp.Version3 });
  }
  if (!settings.community) throw SnmpSettingsError.missingCommunity(settings.version);
  const version = settings.version === 'v1' ? snmp.Version1 : snmp.Version2c;
  return snmp.createSession(ip, settings.community, { ...common, version });
}

export function openSnmpSession(device: PolledDevice, timing: SessionTiming): SnmpSession {
  const session = openNetSnmpSession(device, timing);
  // Socket errors arrive as events; a request in flight fails on its own, so nothing else to do.
  session.on('error', () => undefined);
  return {
    get: (oids) =>
      new Promise((resolve, reject) => {
        session.get(oids, (error, varbinds) => {
          if (error) return reject(error);
          resolve((varbinds ?? []).map((varbind) => (snmp.isVarbindError(varbind) ? undefined : varbind.value)));
        });
      }),
    walkColumn: (columnOid) =>
      new Promise((resolve, reject) => {
        const column = new Map<string, unknown>();
        const collect = (varbinds: snmp.Varbind[]) => {
          for (const varbind of varbinds) {
            const index = rowIndex(columnOid, varbind.oid);
            if (index !== undefined && !snmp.isVarbindError(varbind)) column.set(index, varbind.value);
          }
        };
        session.subtree(columnOid, 20, collect, (error?: Error | null) => (error ? reject(error) : resolve(column)));
      }),
    close: () => {
      try {
        session.close();
      } catch {
        // already closed
      }
    },
  };
}
