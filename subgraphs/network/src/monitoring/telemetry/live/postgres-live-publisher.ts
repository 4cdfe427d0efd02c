import { executeBound, type Database } from '@dotmac/kernel';
import { textArray } from '../samples/pg-array.js';
import type { LiveEvent, LiveEventPublisher } from './live-event-publisher.js';

/**
 * Live events as PostgreSQL NOTIFY on the subgraph's own database, for deployments without Redis
 * (the embedded `npm start`). One statement notifies every event of a batch, outside any
 * transaction, so listeners hear them at once. Payloads must stay under PostgreSQL's 8000 bytes.
 */
export class PostgresLivePublisher implements LiveEventPublisher {
  readonly kind = 'postgres' as const;

  constructor(private readonly db: Database) {}

  async publish(events: readonly LiveEvent[]): Promise<void> {
    if (events.length === 0) return;
    const em = this.db.orm.em.fork();
    await executeBound(em, `select pg_notify(n.channel, n.payload) from unnest(?::text[], ?::text[]) as n(channel, payload)`, [
      textArray(events.map((event) => event.channel)),
      textArray(events.map((event) => JSON.stringify(event.payload))),
    ]);
  }

  async close(): Promise<void> {}
}
