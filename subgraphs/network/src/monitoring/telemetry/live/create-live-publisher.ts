import type { Database } from '@dotmac/kernel';
import type { LiveEventPublisher } from './live-event-publisher.js';
import { PostgresLivePublisher } from './postgres-live-publisher.js';
import { RedisLivePublisher } from './redis-live-publisher.js';

/** Redis pub/sub when Redis is configured, else NOTIFY on the subgraph's database. */
export function createLivePublisher(redisUrl: string | undefined, db: Database): LiveEventPublisher {
  return redisUrl ? new RedisLivePublisher(redisUrl) : new PostgresLivePublisher(db);
}
