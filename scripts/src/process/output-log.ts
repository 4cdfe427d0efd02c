import { createWriteStream, type WriteStream } from 'node:fs';
import type { Readable } from 'node:stream';

export type OutputStream = 'stdout' | 'stderr';

/**
 * Collects a child's output: every line goes to its log file (if any), the last lines stay in
 * memory so a crash can be reported with what the child said, and each line is offered to
 * `onLine` (the launcher forwards warnings to the console).
 */
export class OutputLog {
  private readonly recent: string[] = [];
  private readonly file: WriteStream | undefined;

  constructor(
    logFile: string | undefined,
    private readonly onLine?: (line: string, stream: OutputStream) => void,
    private readonly keepLines = 200,
  ) {
    this.file = logFile ? createWriteStream(logFile, { flags: 'w' }) : undefined;
    this.file?.on('error', () => undefined);
  }

  attach(readable: Readable | null, stream: OutputStream): void {
    if (!readable) return;
    let partial = '';
    readable.setEncoding('utf8');
    readable.on('data', (chunk: string) => {
      this.file?.write(chunk);
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) this.remember(line, stream);
    });
    readable.on('end', () => {
      if (partial) this.remember(partial, stream);
      partial = '';
    });
  }

  /** The last lines the child printed, oldest first. */
  tail(lines = 60): string {
    return this.recent.slice(-lines).join('\n');
  }

  async close(): Promise<void> {
    const file = this.file;
    if (!file || file.closed) return;
    await new Promise<void>((resolve) => file.end(resolve));
  }

  private remember(line: string, stream: OutputStream): void {
    this.recent.push(line);
    if (this.recent.length > this.keepLines) this.recent.shift();
    this.onLine?.(line, stream);
  }
}
