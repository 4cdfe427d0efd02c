import { spawn, type ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import snmp from 'net-snmp';
import { snmpdConfig, type SnmpdV3User } from './snmpd-config.js';

export type { SnmpdV3User };

export interface RunningSnmpd {
  port: number;
  /** Date.now() at launch: the agent reports hrProcessorLoad only once it has a minute of CPU history. */
  startedAt: number;
  /** SIGSTOP: the agent keeps its socket but answers nothing until `resume`. */
  pause(): void;
  /** SIGCONT. */
  resume(): void;
  /** Ends the agent (the device is then dead) and removes its files. Idempotent. */
  stop(): Promise<void>;
}

const SYS_UP_TIME = '1.3.6.1.2.1.1.3.0';

/** The snmpd binary, also where a non-root PATH lacks the sbin directories; undefined when not installed. */
export function findSnmpd(): string | undefined {
  const directories = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin'];
  return directories.filter(Boolean).map((directory) => path.join(directory, 'snmpd')).find((candidate) => existsSync(candidate));
}

async function freeUdpPort(): Promise<number> {
  const socket = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}

function answersSnmp(port: number, community: string): Promise<boolean> {
  return new Promise((resolve) => {
    const session = snmp.createSession('127.0.0.1', community, { port, version: snmp.Version2c, timeout: 200, retries: 0 });
    session.on('error', () => undefined);
    session.get([SYS_UP_TIME], (error) => {
      session.close();
      resolve(!error);
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts a private snmpd on a free loopback UDP port: its own config (-C: no system config files),
 * its own persistent directory, in the foreground (-f), logging to stdout (-Lo), kept for errors.
 * Resolves once it answers a v2c get of sysUpTime.
 */
export async function startSnmpd(options: { community: string; v3User?: SnmpdV3User; port?: number }): Promise<RunningSnmpd> {
  const binary = findSnmpd();
  if (!binary) throw new Error('snmpd is not installed (Debian package snmpd)');
  const directory = await mkdtemp(path.join(tmpdir(), 'dotmac-snmpd-'));
  const port = options.port ?? (await freeUdpPort());
  const configPath = path.join(directory, 'snmpd.conf');
  await writeFile(configPath, snmpdConfig({ port, community: options.community, v3User: options.v3User }));
  const startedAt = Date.now();
  const child = spawn(binary, ['-f', '-Lo', '-C', '-c', configPath], {
    env: { ...process.env, SNMP_PERSISTENT_DIR: path.join(directory, 'persistent'), MIBS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        child.kill('SIGCONT'); // a stopped process only acts on SIGTERM once continued
        const killer = setTimeout(() => child.kill('SIGKILL'), 3000);
        await exited(child);
        clearTimeout(killer);
      }
      await rm(directory, { recursive: true, force: true });
    })());

  const deadline = Date.now() + 10_000;
  while (!(await answersSnmp(port, options.community))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`snmpd did not answer on udp:127.0.0.1:${port}:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    port,
    startedAt,
    pause: () => void child.kill('SIGSTOP'),
    resume: () => void child.kill('SIGCONT'),
    stop,
  };
}
