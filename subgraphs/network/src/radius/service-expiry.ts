import { PLATFORM_SCOPE, todayUtc, type Database, type Logger } from '@dotmac/kernel';
import { terminateExpiredServices } from './service-standing.service.js';

/**
 * Ends services whose cancelled subscription's last paid day has passed, every `intervalMs` (0: never).
 * Termination is idempotent, so several replicas doing this at once is harmless.
 */
export function startServiceExpiry(db: Database, logger: Logger, intervalMs: number): { stop(): void } {
  if (intervalMs <= 0) return { stop: () => undefined };
  let running = false;
  const sweep = async () => {
    if (running) return;
    running = true;
    try {
      const ended = await db.run(PLATFORM_SCOPE, (em) => terminateExpiredServices(em, todayUtc()));
      if (ended.length) logger.info({ ended: ended.length }, 'services past their last paid day terminated');
    } catch (error) {
      logger.error({ err: error }, 'terminating expired services failed; retried on the next sweep');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void sweep(), intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
