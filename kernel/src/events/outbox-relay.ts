import { LockMode } from '@mikro-orm/core';
import type { Database } from '../db/tenant-scope.js';
import { OutboxEvent, toDomainEvent } from '../db/outbox.js';
import type { EventBus } from './event-bus.js';
import type { Logger } from '../logging/logger.js';

/**
 * Moves committed outbox rows to the event bus. It runs after every commit (kicked by the
 * Database) and on a timer, to pick up rows left by a crash between commit and publish. Rows are
 * claimed with FOR UPDATE SKIP LOCKED so several replicas never publish the same row at once.
 * An event is marked published only after the bus accepted it (at least once delivery).
 */
export class OutboxRelay {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;

  constructor(
    private readonly database: Database,
    private readonly bus: EventBus,
    private readonly logger?: Logger,
    /** Sweep for rows a crash left behind; the normal path is the kick after each commit. */
    private readonly pollMs = 5_000,
  ) {}

  start(): void {
    this.database.onCommit(() => this.kick());
    this.timer = setInterval(() => this.kick(), this.pollMs);
    this.timer.unref();
    this.kick();
  }

  /** Requests a relay pass; passes never overlap, a kick during one schedules one more. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error) => this.logger?.warn({ err: error }, 'outbox relay pass failed'))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Publishes everything pending; resolves when the outbox is empty. */
  async drain(): Promise<void> {
    for (;;) {
      const published = await this.database.orm.em.fork().transactional(async (em) => {
        await em.execute(`select set_config('app.scope', 'platform', true)`);
        const rows = await em.find(
          OutboxEvent,
          { publishedAt: null },
          { orderBy: { createdAt: 'asc' }, limit: 100, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
        );
        for (const row of rows) {
          await this.bus.publish(toDomainEvent(row));
          row.publishedAt = new Date();
        }
        return rows.length;
      });
      if (published < 100) return;
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
