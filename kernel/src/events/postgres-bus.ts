import pg from 'pg';
import type { DomainEvent, EventBus, EventHandler, EventSubscription } from './event-bus.js';
import type { Logger } from '../logging/logger.js';

const CHANNEL = 'dotmac_events';
const BATCH = 50;

/** Tables of the events database; run once by its owner (the launcher's provisioning does). */
export const EVENTS_SCHEMA_SQL = [
  `create table if not exists event_log (
    seq bigserial primary key,
    topic text not null,
    event jsonb not null,
    created_at timestamptz not null default now()
  )`,
  `create index if not exists event_log_topic_seq_idx on event_log (topic, seq)`,
  `create table if not exists event_group (
    topic text not null,
    group_name text not null,
    last_seq bigint not null default 0,
    primary key (topic, group_name)
  )`,
];

/** Creates the events tables; run with the owner role of the events database. Idempotent. */
export async function ensureEventsSchema(ownerUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    for (const sql of EVENTS_SCHEMA_SQL) await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Durable bus on a PostgreSQL database shared by the deployables: used when no Redis is
 * configured, so events still cross processes. One log of events; each consumer group keeps the
 * sequence number it has handled up to. A consumer takes its group's row with FOR UPDATE SKIP
 * LOCKED, so within a group one consumer works at a time and each event is handled once; a
 * handler that throws stops the batch, and the event is offered again on the next pass (in order).
 * New events are signalled with NOTIFY; a poll every `pollMs` covers missed notifications.
 */
export class PostgresEventBus implements EventBus {
  readonly kind = 'postgres' as const;
  private readonly pool: pg.Pool;
  private readonly listeners = new Set<pg.Client>();
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly logger?: Logger,
    private readonly pollMs = 1_000,
  ) {
    this.pool = new pg.Pool({ connectionString: url, max: 4 });
  }

  async publish(event: DomainEvent): Promise<void> {
    await this.pool.query(`with added as (insert into event_log (topic, event) values ($1, $2)) select pg_notify($3, $1)`, [
      event.topic,
      JSON.stringify(event),
      CHANNEL,
    ]);
  }

  async subscribe(topic: string, group: string, handler: EventHandler): Promise<EventSubscription> {
    await this.pool.query(`insert into event_group (topic, group_name) values ($1, $2) on conflict do nothing`, [topic, group]);
    const listener = new pg.Client({ connectionString: this.url });
    await listener.connect();
    this.listeners.add(listener);
    let active = true;
    let running: Promise<void> | undefined;
    let again = false;

    const pass = async (): Promise<void> => {
      const client = await this.pool.connect();
      try {
        await client.query('begin');
        const claimed = await client.query<{ last_seq: string }>(
          `select last_seq from event_group where topic = $1 and group_name = $2 for update skip locked`,
          [topic, group],
        );
        const position = claimed.rows[0]?.last_seq;
        if (position !== undefined) {
          const pending = await client.query<{ seq: string; event: DomainEvent }>(
            `select seq, event from event_log where topic = $1 and seq > $2 order by seq limit ${BATCH}`,
            [topic, position],
          );
          let handled = position;
          for (const row of pending.rows) {
            try {
              await handler(row.event);
              handled = row.seq;
            } catch (error) {
              this.logger?.warn({ err: error, topic, group, seq: row.seq }, 'event handler failed; will retry');
              break;
            }
          }
          if (handled !== position) {
            await client.query(`update event_group set last_seq = $3 where topic = $1 and group_name = $2`, [topic, group, handled]);
          }
          if (pending.rows.length === BATCH && handled === pending.rows.at(-1)?.seq) again = true;
        }
        await client.query('commit');
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        if (active) this.logger?.warn({ err: error, topic, group }, 'event pass failed');
      } finally {
        client.release();
      }
    };

    const kick = (): void => {
      if (!active || this.closed) return;
      if (running) {
        again = true;
        return;
      }
      running = pass().finally(() => {
        running = undefined;
        if (again) {
          again = false;
          kick();
        }
      });
    };

    listener.on('notification', (message) => {
      if (message.payload === topic) kick();
    });
    listener.on('error', (error) => this.logger?.warn({ err: error, topic, group }, 'event listener connection failed'));
    await listener.query(`listen ${CHANNEL}`);
    const timer = setInterval(kick, this.pollMs);
    timer.unref();
    kick();

    return {
      close: async () => {
        active = false;
        clearInterval(timer);
        await running;
        this.listeners.delete(listener);
        await listener.end().catch(() => undefined);
      },
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const listener of this.listeners) await listener.end().catch(() => undefined);
    this.listeners.clear();
    await this.pool.end().catch(() => undefined);
  }
}
