import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { radiusConfigFiles } from './freeradius-config.js';
import { assertIdentifier } from './freeradius-schema.js';

export const FREERADIUS_BINARY = process.env.FREERADIUS_BINARY ?? '/usr/sbin/freeradius';

export interface FreeradiusOptions {
  /** postgres://user:password@host:port/database: the role FreeRADIUS logs in as. */
  databaseUrl: string;
  /** The PostgreSQL schema holding radcheck, radacct, ... (it goes first on the search_path). */
  schema: string;
  secret: string;
  authPort?: number;
  acctPort?: number;
  /** Full debug output (-X) echoed to stderr; also on with RADIUS_DEBUG=1. */
  debug?: boolean;
  startTimeoutMs?: number;
  /** rlm_sql queries to use instead of Debian's stock PostgreSQL queries.conf. */
  queriesFile?: string;
  /** Session settings for FreeRADIUS's connections (libpq `options`), e.g. { 'app.scope': 'platform' }. */
  settings?: Record<string, string>;
}

export interface RunningFreeradius {
  authPort: number;
  acctPort: number;
  secret: string;
  configDir: string;
  /** Everything the server has logged so far. */
  log(): string;
  stop(): Promise<void>;
}

export function freeradiusInstalled(): boolean {
  return spawnSync(FREERADIUS_BINARY, ['-v'], { stdio: 'ignore' }).status === 0;
}

/** Free loopback UDP ports, held together while chosen so they differ. */
export async function freeUdpPorts(count: number): Promise<number[]> {
  const sockets = await Promise.all(
    Array.from({ length: count }, () =>
      new Promise<dgram.Socket>((resolve, reject) => {
        const socket = dgram.createSocket('udp4');
        socket.once('error', reject);
        socket.bind(0, '127.0.0.1', () => resolve(socket));
      }),
    ),
  );
  const ports = sockets.map((socket) => socket.address().port);
  await Promise.all(sockets.map((socket) => new Promise<void>((resolve) => socket.close(() => resolve()))));
  return ports;
}

/** A libpq keyword/value string; the password is left out (PGPASSWORD carries it). */
export function conninfoFor(
  databaseUrl: string,
  schema: string,
  settings: Record<string, string> = {},
): { conninfo: string; password: string } {
  const url = new URL(databaseUrl);
  const value = (v: string) => `'${v.replace(/[\\']/g, (c) => `\\${c}`)}'`;
  const parts = {
    host: url.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1',
    port: url.port || '5432',
    dbname: decodeURIComponent(url.pathname.replace(/^\//, '')) || 'postgres',
    user: decodeURIComponent(url.username) || 'postgres',
    options: Object.entries({ search_path: assertIdentifier(schema, 'schema name'), ...settings })
      .map(([name, v]) => `-c ${settingName(name)}=${settingValue(v)}`)
      .join(' '),
    connect_timeout: '5',
  };
  const conninfo = Object.entries(parts).map(([key, v]) => `${key}=${value(v)}`).join(' ');
  return { conninfo, password: decodeURIComponent(url.password) };
}

function settingName(name: string): string {
  if (!/^[a-z_][a-z0-9_.]*$/.test(name)) throw new Error(`not a setting name: ${JSON.stringify(name)}`);
  return name;
}

function settingValue(value: string): string {
  if (!/^[\w.:,/-]*$/.test(value)) throw new Error(`setting values are limited to [\\w.:,/-]: ${JSON.stringify(value)}`);
  return value;
}

const READY = 'Ready to process requests';
const MAX_LOG = 2_000_000;

/**
 * Runs the real FreeRADIUS in the foreground on a private config, answering from the given
 * database schema. Resolves once it is ready; rejects with its log if it exits or stalls first.
 */
export async function startFreeradius(options: FreeradiusOptions): Promise<RunningFreeradius> {
  if (options.authPort && options.acctPort) return launch(options, options.authPort, options.acctPort);
  // Ports chosen here can be taken by someone else before the server binds them: choose again.
  for (let attempt = 1; ; attempt += 1) {
    const [authPort, acctPort] = await freeUdpPorts(2);
    try {
      return await launch(options, options.authPort ?? authPort!, options.acctPort ?? acctPort!);
    } catch (error) {
      if (attempt >= 3 || !String(error).includes('Failed binding to')) throw error;
    }
  }
}

async function launch(options: FreeradiusOptions, authPort: number, acctPort: number): Promise<RunningFreeradius> {
  const debug = options.debug ?? process.env.RADIUS_DEBUG === '1';
  const configDir = mkdtempSync(path.join(tmpdir(), 'dotmac-radius-'));
  mkdirSync(path.join(configDir, 'run'));
  mkdirSync(path.join(configDir, 'log'));
  const { conninfo, password } = conninfoFor(options.databaseUrl, options.schema, options.settings);
  const files = radiusConfigFiles({ dir: configDir, authPort, acctPort, secret: options.secret, conninfo, queriesFile: options.queriesFile });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(configDir, name), text, { mode: 0o600 });

  const args = debug ? ['-X', '-d', configDir] : ['-f', '-l', 'stdout', '-d', configDir];
  const child = spawn(FREERADIUS_BINARY, args, {
    env: { ...process.env, PGPASSWORD: password },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const watchdog = killWhenParentDies(child, configDir);
  let output = '';
  const collect = (chunk: Buffer) => {
    if (debug) process.stderr.write(chunk);
    if (output.length < MAX_LOG) output += chunk.toString();
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);

  const cleanUpNow = () => {
    watchdog.kill('SIGKILL');
    child.kill('SIGKILL');
    rmSync(configDir, { recursive: true, force: true });
  };
  process.once('exit', cleanUpNow);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => {
    watchdog.kill('SIGKILL');
    resolve(code);
  }));

  const stop = async () => {
    process.removeListener('exit', cleanUpNow);
    watchdog.kill('SIGKILL');
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(configDir, { recursive: true, force: true });
  };

  const timeoutMs = options.startTimeoutMs ?? 20_000;
  const ready = await new Promise<string | undefined>((resolve) => {
    const timer = setTimeout(() => resolve(`did not report "${READY}" within ${timeoutMs} ms`), timeoutMs);
    const check = () => {
      if (output.includes(READY)) finish(undefined);
    };
    const finish = (problem: string | undefined) => {
      clearTimeout(timer);
      child.stdout!.off('data', check);
      child.stderr!.off('data', check);
      resolve(problem);
    };
    child.stdout!.on('data', check);
    child.stderr!.on('data', check);
    child.once('error', (error) => finish(`could not run ${FREERADIUS_BINARY}: ${error.message}`));
    void exited.then((code) => finish(`exited with code ${code} before it was ready`));
  });
  if (ready) {
    await stop();
    const shown = debug ? '(log above)' : `log:\n${output}`;
    throw new Error(`FreeRADIUS (${FREERADIUS_BINARY} ${args.join(' ')}) ${ready}; ${shown}`);
  }
  return { authPort, acctPort, secret: options.secret, configDir, log: () => output, stop };
}

/**
 * A shell that waits on a pipe from this process and, when the pipe closes, kills the server and
 * removes its config: this process may be killed outright, with no 'exit' event to clean up in.
 */
function killWhenParentDies(child: ChildProcess, configDir: string): ChildProcess {
  const script = 'cat >/dev/null; kill -9 "$0" 2>/dev/null; rm -rf "$1"';
  const watchdog = spawn('/bin/sh', ['-c', script, String(child.pid), configDir], {
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  watchdog.unref();
  (watchdog.stdin as unknown as { unref(): void }).unref();
  return watchdog;
}
