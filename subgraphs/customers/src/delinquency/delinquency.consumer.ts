import { AppError, claimEvent, recordAudit, type Database, type DomainEvent, type EventBus, type EventSubscription, type Logger } from '@dotmac/kernel';
import { systemActor } from '../change-log/actor.js';
import { SERVICE } from '../shared/access.js';
import { markDelinquent, restoreFromDelinquency } from './delinquency.service.js';

/** Topics billing publishes about a subscriber's standing, and the group this subgraph reads them in. */
export const DelinquencyTopic = { DELINQUENT: 'billing.subscriber.delinquent', RESTORED: 'billing.subscriber.restored' } as const;
export const DELINQUENCY_GROUP = 'customers-delinquency';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface DelinquencyNotice {
  subscriberId: string;
  tenantId: string;
  invoiceId?: string;
  reason?: string;
}

/** The notice in an event, or undefined when it names no subscriber and tenant we could act on. */
function noticeOf(event: DomainEvent): DelinquencyNotice | undefined {
  const payload = event.payload as Partial<Record<keyof DelinquencyNotice, unknown>>;
  const tenantId = event.tenantId ?? payload.tenantId;
  if (typeof payload.subscriberId !== 'string' || !UUID.test(payload.subscriberId)) return undefined;
  if (typeof tenantId !== 'string' || !UUID.test(tenantId) || (payload.tenantId !== undefined && payload.tenantId !== tenantId)) return undefined;
  return {
    subscriberId: payload.subscriberId.toLowerCase(),
    tenantId: tenantId.toLowerCase(),
    invoiceId: typeof payload.invoiceId === 'string' ? payload.invoiceId : undefined,
    reason: typeof payload.reason === 'string' ? payload.reason.slice(0, 500) : undefined,
  };
}

function reasonOf(event: DomainEvent, notice: DelinquencyNotice): string {
  const said = notice.reason ?? (event.topic === DelinquencyTopic.DELINQUENT ? 'Overdue balance' : 'Balance settled');
  return notice.invoiceId ? `${said} (invoice ${notice.invoiceId})` : said;
}

/**
 * Applies billing's delinquency notices. Each event is handled once (claimed in `processed_event`
 * in the same transaction as the change), in the event's tenant scope; notices that do not apply
 * (unknown subscriber, a lead, already restored) are acknowledged without a change.
 */
export function delinquencyHandler(db: Database, logger: Logger) {
  return async (event: DomainEvent): Promise<void> => {
    const notice = noticeOf(event);
    if (!notice) {
      logger.warn({ eventId: event.id, topic: event.topic }, 'delinquency event without a usable subscriber and tenant; ignored');
      return;
    }
    const actor = systemActor(event.id);
    const reason = reasonOf(event, notice);
    const apply = event.topic === DelinquencyTopic.DELINQUENT ? markDelinquent : restoreFromDelinquency;
    await db.inTenant(notice.tenantId, async (em) => {
      if (!(await claimEvent(em, event, notice.tenantId))) return;
      const outcome = await apply(em, notice.subscriberId, reason, actor).catch((error: unknown) => {
        if (error instanceof AppError) return { changed: false as const, why: error.message };
        throw error;
      });
      if (!outcome.changed) {
        logger.info({ eventId: event.id, topic: event.topic, subscriberId: notice.subscriberId, why: outcome.why }, 'delinquency event changed nothing');
        return;
      }
      recordAudit(em, {
        service: SERVICE,
        operation: event.topic === DelinquencyTopic.DELINQUENT ? 'markSubscriberDelinquent' : 'restoreSubscriberFromDelinquency',
        actorKind: 'system',
        tenantId: notice.tenantId,
        targetType: 'Subscriber',
        targetId: notice.subscriberId,
        requestId: event.id,
        details: { topic: event.topic, invoiceId: notice.invoiceId ?? null, status: outcome.subscriber.status },
      });
    });
  };
}

/** Subscribes to billing's delinquency topics; close the result to stop. */
export async function consumeDelinquencyEvents(bus: EventBus, db: Database, logger: Logger): Promise<EventSubscription> {
  const handle = delinquencyHandler(db, logger);
  const subscriptions = [
    await bus.subscribe(DelinquencyTopic.DELINQUENT, DELINQUENCY_GROUP, handle),
    await bus.subscribe(DelinquencyTopic.RESTORED, DELINQUENCY_GROUP, handle),
  ];
  return { close: async () => void (await Promise.all(subscriptions.map((subscription) => subscription.close()))) };
}
