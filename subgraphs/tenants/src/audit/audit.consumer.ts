import { AUDIT_TOPIC, type AuditRecord, type Database, type DomainEvent, type EventBus, type EventSubscription } from '@dotmac/kernel';
import { AuditEntry } from './audit-entry.entity.js';

/** Stores audit records sent by every subgraph; idempotent on the event id. */
export function consumeAuditRecords(bus: EventBus, db: Database): Promise<EventSubscription> {
  return bus.subscribe(AUDIT_TOPIC, 'tenants-audit-log', async (event: DomainEvent) => {
    const record = event.payload as unknown as AuditRecord;
    await db.asPlatform(async (em) => {
      await em.upsert(
        AuditEntry,
        {
          id: event.id,
          tenantId: record.tenantId ?? undefined,
          service: record.service,
          operation: record.operation,
          actorKind: record.actorKind,
          actorId: record.actorId ?? undefined,
          targetType: record.targetType ?? undefined,
          targetId: record.targetId ?? undefined,
          requestId: record.requestId,
          clientIp: record.clientIp ?? undefined,
          details: record.details ?? undefined,
          occurredAt: new Date(event.occurredAt),
        },
        { onConflictAction: 'ignore' },
      );
    });
  });
}
