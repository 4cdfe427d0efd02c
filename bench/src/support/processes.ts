import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';

export interface RunningProcess {
  readonly child: ChildProcess;
  /** Peak resident memory (VmHWM) of the process and its descendants, in MB. */
  peakRssMb(): Promise<number>;
  stop(): Promise<void>;
}

async function childrenOf(pid: number): Promise<number[]> {
  const children: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // Field 4 (after the parenthesised command) is the parent pid.
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (parent === pid) children.push(Number(entry));
  }
  return children;
}

async function treePeakRssKb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const own = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  let total = own;
  for (const child of await childrenOf(pid)) total += await treePeakRssKb(child);
  return total;
}

/**
 * Starts a command (with NODE_ENV=production, as services run) and resolves once a line of its output matches `ready` (or rejects with the
 * output so far if it exits or takes longer than `timeoutMs`).
 */
export async function startProcess(command: string, args: readonly string[], ready: RegExp, options: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {}): Promise<RunningProcess> {
  const child = spawn(command, args, { env: { ...process.env, NODE_ENV: 'production', ...options.env }, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command} ${args.join(' ')} was not ready after ${options.timeoutMs ?? 60_000} ms:\n${output}`)), options.timeoutMs ?? 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited with ${code} before it was ready:\n${output}`));
    });
  });
  // Keep draining output so a chatty process never blocks on a full pipe.
  child.stdout!.resume();
  child.stderr!.resume();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    peakRssMb: async () => Math.round((await treePeakRssKb(child.pid!)) / 1024),
    stop: async () => {
      if (child.exitCode !== null) return;
      // The whole process group: forked workers go too.
      process.kill(-child.pid!, 'SIGTERM');
      const killed = setTimeout(() => child.exitCode === null && process.kill(-child.pid!, 'SIGKILL'), 5000);
      await exited;
      clearTimeout(killed);
    },
  };
}
