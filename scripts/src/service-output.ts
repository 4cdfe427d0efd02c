import type { OutputStream } from './process/output-log.js';

const LEVEL_NAMES: Record<number, string> = { 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

/**
 * Services log pino JSON to their log files; the console gets only what needs a human: warnings
 * and errors, and anything unstructured on stderr (a crash's stack trace).
 */
export function forwardWarnings(service: string, log: (message: string) => void) {
  return (line: string, stream: OutputStream): void => {
    if (!line.trim()) return;
    let entry: { level?: unknown; msg?: unknown; err?: { message?: unknown } } | undefined;
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      if (stream === 'stderr') log(`[${service}] ${line}`);
      return;
    }
    const level = typeof entry?.level === 'number' ? entry.level : 0;
    if (level < 40) return;
    const detail = entry?.err?.message ? ` (${String(entry.err.message)})` : '';
    log(`[${service}] ${LEVEL_NAMES[Math.min(60, Math.floor(level / 10) * 10)] ?? 'WARN'} ${String(entry?.msg ?? '')}${detail}`);
  };
}
