import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Everything secret the launcher needs; persisted so data and tokens survive restarts. */
export interface PlatformSecrets {
  jwtSecret: string;
  internalSigningKey: string;
  /** Password of `<prefix>_owner`, the role that owns the tables and runs migrations. */
  ownerPassword: string;
  /** Password of `<prefix>_app`, the role the services connect as. */
  appPassword: string;
  /** Password of the embedded PostgreSQL superuser `postgres`. */
  embeddedPostgresPassword: string;
  /** AES-256 key (32 bytes, base64url) of the device credentials the network subgraph stores. */
  networkCredentialsKey: string;
}

const newSecret = (): string => randomBytes(32).toString('base64url');

export function secretsFile(dataDir: string): string {
  return path.join(dataDir, 'secrets.json');
}

/**
 * Reads `<dataDir>/secrets.json`, generating whatever is missing and writing it back (mode 600).
 * Values given in `overrides` (from the environment) win and are not written.
 */
export async function loadOrCreateSecrets(dataDir: string, overrides: Partial<PlatformSecrets> = {}): Promise<PlatformSecrets> {
  const file = secretsFile(dataDir);
  let stored: Partial<PlatformSecrets> = {};
  try {
    stored = JSON.parse(await readFile(file, 'utf8')) as Partial<PlatformSecrets>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`Cannot read ${file}: ${String(error)}`);
  }
  const persisted: PlatformSecrets = {
    jwtSecret: stored.jwtSecret ?? newSecret(),
    internalSigningKey: stored.internalSigningKey ?? newSecret(),
    ownerPassword: stored.ownerPassword ?? newSecret(),
    appPassword: stored.appPassword ?? newSecret(),
    embeddedPostgresPassword: stored.embeddedPostgresPassword ?? newSecret(),
    networkCredentialsKey: stored.networkCredentialsKey ?? newSecret(),
  };
  const changed = (Object.keys(persisted) as (keyof PlatformSecrets)[]).some((key) => stored[key] !== persisted[key]);
  if (changed) {
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, `${JSON.stringify(persisted, null, 2)}\n`, { mode: 0o600 });
  }
  // writeFile's mode applies only when it creates the file.
  await chmod(file, 0o600);
  const given = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  return { ...persisted, ...given };
}
