import { pino, type Logger } from 'pino';

export type { Logger };

/** One structured logger per deployable; the level comes from that deployable's config. */
export function createLogger(name: string, level = 'info'): Logger {
  return pino({ name, level, base: { service: name }, timestamp: pino.stdTimeFunctions.isoTime });
}
