/** One message for live subscribers, on a tenant-scoped channel. */
export interface LiveEvent {
  channel: string;
  payload: Record<string, unknown>;
}

/**
 * Publishes live (fire-and-forget, not durable) events after the change they describe committed.
 * Subscribers that are not listening at that moment miss them; durable consumers use the outbox
 * domain events instead. `publish` resolves once the transport accepted the events; it rejects on
 * transport failure, and callers log rather than fail the request.
 */
export interface LiveEventPublisher {
  readonly kind: 'redis' | 'postgres' | 'none';
  publish(events: readonly LiveEvent[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * The channel of a tenant's device health changes: the same name on Redis pub/sub and as a
 * PostgreSQL NOTIFY channel (55 characters, within PostgreSQL's 63; LISTEN it double-quoted).
 */
export const deviceHealthChannel = (tenantId: string): string => `live:${tenantId}:device-health`;
