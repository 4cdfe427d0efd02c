import type { DomainEvent, EventBus, EventHandler, EventSubscription } from './event-bus.js';
import type { Logger } from '../logging/logger.js';

/**
 * The bus used when no Redis is configured: events reach only consumers in the same process.
 * Groups behave as on Redis (each group gets each event once), and a failing handler is retried
 * with back-off, up to a limit, then logged.
 */
export class InProcessEventBus implements EventBus {
  readonly kind = 'in-process' as const;
  private readonly groups = new Map<string, Map<string, EventHandler[]>>();
  private readonly retryDelaysMs = [50, 200, 1000];

  constructor(private readonly logger?: Logger) {}

  async publish(event: DomainEvent): Promise<void> {
    for (const handlers of this.groups.get(event.topic)?.values() ?? []) {
      const handler = handlers[0];
      if (handler) void this.deliver(handler, event, 0);
    }
  }

  private async deliver(handler: EventHandler, event: DomainEvent, attempt: number): Promise<void> {
    try {
      await handler(event);
    } catch (error) {
      const delay = this.retryDelaysMs[attempt];
      if (delay === undefined) {
        this.logger?.error({ err: error, eventId: event.id, topic: event.topic }, 'event handler failed; giving up');
        return;
      }
      setTimeout(() => void this.deliver(handler, event, attempt + 1), delay).unref();
    }
  }

  async subscribe(topic: string, group: string, handler: EventHandler): Promise<EventSubscription> {
    const byGroup = this.groups.get(topic) ?? new Map<string, EventHandler[]>();
    this.groups.set(topic, byGroup);
    const handlers = byGroup.get(group) ?? [];
    byGroup.set(group, handlers);
    handlers.push(handler);
    return {
      close: async () => {
        const index = handlers.indexOf(handler);
        if (index >= 0) handlers.splice(index, 1);
      },
    };
  }

  async close(): Promise<void> {
    this.groups.clear();
  }
}
