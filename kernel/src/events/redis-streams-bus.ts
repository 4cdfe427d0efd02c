import { hostname } from 'node:os';
import { Redis } from 'ioredis';
import type { DomainEvent, EventBus, EventHandler, EventSubscription } from './event-bus.js';
import type { Logger } from '../logging/logger.js';

/** Entries left pending this long (a consumer died, or its handler failed) are claimed again. */
const DEFAULT_CLAIM_IDLE_MS = 30_000;
const BLOCK_MS = 1_000;

const BATCH = 50;

type StreamEntry = [id: string, fields: string[]];

function decode(fields: string[]): DomainEvent | undefined {
  const index = fields.indexOf('event');
  const raw = index >= 0 ? fields[index + 1] : undefined;
  return raw ? (JSON.parse(raw) as DomainEvent) : undefined;
}

/**
 * Durable bus on Redis Streams: one stream per topic, one consumer group per subscriber group.
 * An entry is acknowledged only after its handler succeeded; entries a crashed consumer left
 * pending are claimed again after `claimIdleMs`. Streams are capped (approximate MAXLEN).
 */
export class RedisStreamsEventBus implements EventBus {
  readonly kind = 'redis-streams' as const;
  private readonly publisher: Redis;
  private readonly readers = new Set<Redis>();
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly logger?: Logger,
    /** Namespace of the stream keys, so deployments sharing one Redis stay apart. */
    private readonly keyPrefix = 'dotmac',
    private readonly claimIdleMs = DEFAULT_CLAIM_IDLE_MS,
    private readonly maxLength = 100_000,
  ) {
    this.publisher = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3 });
  }

  async publish(event: DomainEvent): Promise<void> {
    await this.publisher.xadd(this.streamKey(event.topic), 'MAXLEN', '~', this.maxLength, '*', 'event', JSON.stringify(event));
  }

  async subscribe(topic: string, group: string, handler: EventHandler): Promise<EventSubscription> {
    const stream = this.streamKey(topic);
    const consumer = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
    try {
      await this.publisher.xgroup('CREATE', stream, group, '0', 'MKSTREAM');
    } catch (error) {
      if (!String(error).includes('BUSYGROUP')) throw error;
    }
    const reader = new Redis(this.url, { maxRetriesPerRequest: null });
    this.readers.add(reader);
    let active = true;

    const handle = async (entries: StreamEntry[]): Promise<void> => {
      for (const [id, fields] of entries) {
        const event = decode(fields);
        try {
          if (event) await handler(event);
          await reader.xack(stream, group, id);
        } catch (error) {
          this.logger?.warn({ err: error, topic, group, entryId: id }, 'event handler failed; entry stays pending');
        }
      }
    };

    const loop = async (): Promise<void> => {
      // First what this consumer name may have left pending, then new entries.
      let lastClaim = 0;
      while (active && !this.closed) {
        try {
          if (Date.now() - lastClaim > this.claimIdleMs / 3) {
            lastClaim = Date.now();
            const claimed = (await reader.xautoclaim(stream, group, consumer, this.claimIdleMs, '0-0', 'COUNT', BATCH)) as [
              string,
              StreamEntry[],
            ];
            if (claimed[1]?.length) await handle(claimed[1].filter((entry) => entry && entry[1]));
          }
          const result = (await reader.xreadgroup('GROUP', group, consumer, 'COUNT', BATCH, 'BLOCK', Math.min(BLOCK_MS, Math.max(10, Math.floor(this.claimIdleMs / 3))), 'STREAMS', stream, '>')) as
            | Array<[string, StreamEntry[]]>
            | null;
          if (result) for (const [, entries] of result) await handle(entries);
        } catch (error) {
          if (!active || this.closed) return;
          this.logger?.warn({ err: error, topic, group }, 'stream read failed; retrying');
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
      }
    };
    const running = loop();

    return {
      close: async () => {
        active = false;
        reader.disconnect();
        this.readers.delete(reader);
        await running;
      },
    };
  }

  private streamKey(topic: string): string {
    return `${this.keyPrefix}:events:${topic}`;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const reader of this.readers) reader.disconnect();
    this.readers.clear();
    await this.publisher.quit().catch(() => undefined);
  }
}
