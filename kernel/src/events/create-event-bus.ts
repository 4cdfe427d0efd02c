import type { EventBus } from './event-bus.js';
import { InProcessEventBus } from './in-process-bus.js';
import { PostgresEventBus } from './postgres-bus.js';
import { RedisStreamsEventBus } from './redis-streams-bus.js';
import type { Logger } from '../logging/logger.js';

export interface EventBusSettings {
  redisUrl?: string;
  /** Namespace of Redis stream keys. */
  redisKeyPrefix?: string;
  /** Events database shared by the deployables, used when there is no Redis. */
  eventsDatabaseUrl?: string;
}

/** Redis Streams when Redis is configured, else the events database if given, else in-process. */
export function createEventBus(settings: EventBusSettings, logger?: Logger): EventBus {
  if (settings.redisUrl) return new RedisStreamsEventBus(settings.redisUrl, logger, settings.redisKeyPrefix ?? 'dotmac');
  if (settings.eventsDatabaseUrl) return new PostgresEventBus(settings.eventsDatabaseUrl, logger);
  return new InProcessEventBus(logger);
}
