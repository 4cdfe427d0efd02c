import { Redis } from 'ioredis';
import type { LiveEvent, LiveEventPublisher } from './live-event-publisher.js';

/** Live events on Redis pub/sub: one PUBLISH per event, pipelined in one round trip. */
export class RedisLivePublisher implements LiveEventPublisher {
  readonly kind = 'redis' as const;
  private readonly redis: Redis;

  constructor(url: string) {
    this.redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2 });
  }

  async publish(events: readonly LiveEvent[]): Promise<void> {
    if (events.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const event of events) pipeline.publish(event.channel, JSON.stringify(event.payload));
    const results = await pipeline.exec();
    const failed = results?.find(([error]) => error);
    if (failed) throw failed[0];
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
