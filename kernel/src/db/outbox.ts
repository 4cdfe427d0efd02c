import { randomUUID } from 'node:crypto';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DomainEvent } from '../events/event-bus.js';
import { insertRows } from './bulk.js';

/**
 * A domain event written in the same transaction as the change it describes. The relay publishes
 * it after commit; a rolled-back transaction takes its events with it.
 */
@Entity({ tableName: 'outbox_event' })
@Index({ properties: ['publishedAt', 'createdAt'] })
export class OutboxEvent {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid', nullable: true })
  tenantId?: string;

  @Property({ type: 'text' })
  topic: string;

  @Property({ type: 'json' })
  payload: Record<string, unknown>;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  publishedAt?: Date;
}

export const OUTBOX_TABLE_SQL = [
  `create table "outbox_event" (
    "id" uuid primary key,
    "tenant_id" uuid null,
    "topic" text not null,
    "payload" jsonb not null,
    "created_at" timestamptz not null default now(),
    "published_at" timestamptz null
  )`,
  `create index "outbox_event_unpublished_idx" on "outbox_event" ("created_at") where "published_at" is null`,
];

const managersWithEvents = new WeakSet<EntityManager>();

/** Whether events were recorded through this EntityManager (the relay is kicked only then). */
export function hasRecordedEvents(em: EntityManager): boolean {
  return managersWithEvents.has(em);
}

/** Records an event in the current transaction. Call it from a service inside `Database.run`. */
export function recordEvent(em: EntityManager, topic: string, tenantId: string | undefined, payload: Record<string, unknown>): OutboxEvent {
  const event = em.create(OutboxEvent, { id: randomUUID(), topic, tenantId, payload, createdAt: new Date() });
  em.persist(event);
  managersWithEvents.add(em);
  return event;
}

/** Records many events of one topic with one statement (bulk work such as a billing run). */
export async function recordEvents(
  em: EntityManager,
  topic: string,
  events: readonly { tenantId?: string; payload: Record<string, unknown> }[],
): Promise<void> {
  if (events.length === 0) return;
  const createdAt = new Date().toISOString();
  await insertRows(
    em,
    'outbox_event',
    events.map((event) => ({ id: randomUUID(), tenant_id: event.tenantId ?? null, topic, payload: event.payload, created_at: createdAt })),
  );
  managersWithEvents.add(em);
}

export function toDomainEvent(row: OutboxEvent): DomainEvent {
  return {
    id: row.id,
    topic: row.topic,
    tenantId: row.tenantId ?? undefined,
    occurredAt: row.createdAt.toISOString(),
    payload: row.payload,
  };
}
