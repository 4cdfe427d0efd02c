import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { onProcessExit, signalGroup } from './exit-guard.js';
import { OutputLog, type OutputStream } from './output-log.js';

export interface ServiceSpec {
  /** Name used in messages and log lines, e.g. `tenants`. */
  name: string;
  /** Absolute path of the compiled module node runs. */
  entry: string;
  /** The child's complete environment (nothing is inherited implicitly). */
  env: Record<string, string>;
  /** Answers 200 once the service is ready. */
  healthUrl: string;
  logFile?: string;
  startTimeoutMs?: number;
  onOutputLine?: (line: string, stream: OutputStream) => void;
  /** Aborting gives up waiting for health and stops the child. */
  signal?: AbortSignal;
}

export interface ServiceExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface RunningService {
  name: string;
  pid: number;
  /** Settles when the process ends, whoever ended it. */
  exited: Promise<ServiceExit>;
  /** The last lines the service printed. */
  outputTail(): string;
  /** SIGTERM to its process group, then SIGKILL after `graceMs`; resolves once it is gone. */
  stop(graceMs?: number): Promise<void>;
}

export class ServiceStartError extends Error {
  constructor(
    readonly service: string,
    reason: string,
    readonly output: string,
  ) {
    super(`${service} failed to start: ${reason}`);
    this.name = 'ServiceStartError';
  }
}

function describeExit({ code, signal }: ServiceExit): string {
  return signal ? `killed by ${signal}` : `exited with code ${code}`;
}

async function isHealthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

function track(child: ChildProcess, output: OutputLog): Promise<ServiceExit> {
  return new Promise((resolve) => {
    child.once('error', () => resolve({ code: null, signal: null }));
    child.once('close', (code, signal) => {
      void output.close().then(() => resolve({ code, signal }));
    });
  });
}

/**
 * Starts `node <entry>` as the leader of its own process group (so a terminal's Ctrl-C reaches
 * only the launcher, which then stops services in order) and waits until its health URL answers.
 * If the child exits or times out first, throws {@link ServiceStartError} carrying its output.
 */
export async function spawnService(spec: ServiceSpec): Promise<RunningService> {
  const output = new OutputLog(spec.logFile, spec.onOutputLine);
  const child = spawn(process.execPath, [spec.entry], {
    env: spec.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  output.attach(child.stdout, 'stdout');
  output.attach(child.stderr, 'stderr');
  let exit: ServiceExit | undefined;
  const exited = track(child, output).then((result) => (exit = result));
  const pid = child.pid;
  if (pid === undefined) {
    await exited;
    throw new ServiceStartError(spec.name, `could not spawn ${process.execPath}`, output.tail());
  }
  const forget = onProcessExit(() => signalGroup(pid, 'SIGKILL'));
  void exited.then(forget);

  const stop = async (graceMs = 10_000): Promise<void> => {
    if (!exit) {
      signalGroup(pid, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    }
    // Anything the service itself spawned into its group goes with it.
    signalGroup(pid, 'SIGKILL');
  };

  const deadline = Date.now() + (spec.startTimeoutMs ?? 60_000);
  for (;;) {
    if (exit) throw new ServiceStartError(spec.name, describeExit(exit), output.tail());
    if (spec.signal?.aborted) {
      await stop(2_000);
      throw new ServiceStartError(spec.name, 'start-up was cancelled', output.tail());
    }
    if (Date.now() > deadline) {
      await stop(2_000);
      throw new ServiceStartError(spec.name, `no healthy answer from ${spec.healthUrl} in time`, output.tail());
    }
    if (await isHealthy(spec.healthUrl)) break;
    await Promise.race([sleep(200), exited]);
  }
  return { name: spec.name, pid, exited, outputTail: () => output.tail(), stop };
}
