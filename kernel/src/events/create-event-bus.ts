import type { EventBus } from './event-bus.js';
import { InProcessEventBus } from './in-process-bus.js';
import { RedisStreamsEventBus } from './redis-streams-bus.js';
import type { Logger } from '../logging/logger.js';

/** Redis Streams when a Redis URL is configured, otherwise the in-process bus. */
export function createEventBus(redisUrl: string | undefined, logger?: Logger, keyPrefix = 'dotmac'): EventBus {
  return redisUrl ? new RedisStreamsEventBus(redisUrl, logger, keyPrefix) : new InProcessEventBus(logger);
}
