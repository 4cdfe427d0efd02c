/** A fact one subgraph tells the others, e.g. `tenants.tenant.activated`. */
export interface DomainEvent<P = Record<string, unknown>> {
  /** Unique id; consumers use it to ignore redeliveries. */
  id: string;
  topic: string;
  tenantId?: string;
  /** ISO-8601 UTC. */
  occurredAt: string;
  payload: P;
}

export type EventHandler = (event: DomainEvent) => Promise<void>;

export interface EventSubscription {
  close(): Promise<void>;
}

/**
 * Durable publish/subscribe between deployables. Every consumer group receives every event of a
 * topic once; within a group each event goes to one consumer. Delivery is at least once: a handler
 * that throws gets the event again later, so handlers must be idempotent on `event.id`.
 */
export interface EventBus {
  readonly kind: 'redis-streams' | 'postgres' | 'in-process';
  publish(event: DomainEvent): Promise<void>;
  subscribe(topic: string, group: string, handler: EventHandler): Promise<EventSubscription>;
  close(): Promise<void>;
}
