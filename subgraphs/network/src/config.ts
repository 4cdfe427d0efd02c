import { env, readConfig, subgraphConfigShape, type Field } from '@dotmac/kernel';
import { parseCredentialsKey } from './credentials/credential-cipher.js';
import { snmpConfigShape } from './monitoring/snmp/snmp-config.js';

/** A 32-byte AES key given as 64 hex digits or base64/base64url; never echoed back. */
const credentialsKey = (): Field<Buffer> => ({
  read(name, raw, problems) {
    if (raw === undefined || raw === '') {
      problems.push(`${name} is required (32 bytes as 64 hex digits or base64)`);
      return undefined as unknown as Buffer;
    }
    const key = parseCredentialsKey(raw);
    if (!key) problems.push(`${name} must be 32 bytes as 64 hex digits or base64`);
    return key as Buffer;
  },
});

/** The network subgraph's configuration, read once at start-up. */
export const readNetworkConfig = (source: Record<string, string | undefined> = process.env) =>
  readConfig(
    {
      ...subgraphConfigShape(4004),
      /** AES-256-GCM key that encrypts device credentials at rest (the launcher generates one). */
      NETWORK_CREDENTIALS_KEY: credentialsKey(),
      /** How often services past their last paid day are terminated; 0 turns it off. */
      RADIUS_EXPIRY_INTERVAL_MS: env.int(60_000),
      ...snmpConfigShape,
      /** Largest accepted request body (GraphQL and the internal telemetry route) in bytes. */
      MAX_BODY_BYTES: env.int(8 * 1024 * 1024),
      /** Most samples in one ingestion batch; a larger batch is refused whole. */
      TELEMETRY_MAX_BATCH_SIZE: env.int(5000),
      /** How often stale devices are marked UNKNOWN and expired samples purged; 0 turns it off. */
      TELEMETRY_MAINTENANCE_INTERVAL_MS: env.int(60_000),
      /** Samples deleted per transaction by the retention purge. */
      TELEMETRY_PURGE_BATCH_SIZE: env.int(10_000),
    },
    source,
  );

export type NetworkConfig = ReturnType<typeof readNetworkConfig>;
