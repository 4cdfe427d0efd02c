import { AppError, type EntityManager, type LocalDate } from '@dotmac/kernel';
import { QUANTITY_SCALE } from '../money/tiers.js';
import type { UsageAggregate } from './usage-charge.js';
import type { ValidUsageEvent } from './usage-event.rules.js';

/**
 * Records events in ONE statement: a multi-row insert that skips event ids the tenant already has
 * (or that repeat within the batch), so retries and duplicates count once.
 */
export async function insertUsageEvents(em: EntityManager, tenantId: string, events: readonly ValidUsageEvent[]): Promise<{ accepted: number; duplicates: number }> {
  const [row] = await em.execute<{ accepted: number }[]>(
    `with incoming as (
       select * from jsonb_to_recordset(?::jsonb)
         as e(event_id text, subscriber_id uuid, metric text, quantity numeric, unique_key text, occurred_at timestamptz)
     ), inserted as (
       insert into usage_event (id, tenant_id, event_id, subscriber_id, metric, quantity, unique_key, occurred_at)
       select gen_random_uuid(), ?::uuid, event_id, subscriber_id, metric, quantity, unique_key, occurred_at from incoming
       on conflict (tenant_id, event_id) do nothing
       returning 1
     ) select count(*)::int as accepted from inserted`,
    [
      JSON.stringify(events.map((event) => ({
        event_id: event.eventId,
        subscriber_id: event.subscriberId,
        metric: event.metric,
        quantity: event.quantity,
        unique_key: event.uniqueKey,
        occurred_at: event.occurredAt,
      }))),
      tenantId,
    ],
  );
  const accepted = Number(row?.accepted ?? 0);
  return { accepted, duplicates: events.length - accepted };
}

/** A point in time: a DateTime, or the start (00:00 UTC) of a calendar date. */
export type UsageInstant = Date | LocalDate;
const instant = (value: UsageInstant): string => (typeof value === 'string' ? `${value}T00:00:00.000Z` : value.toISOString());

interface AggregateRow {
  subscriber_id: string;
  metric: string;
  count: number;
  sum: string;
  max: string | null;
  unique_count: number;
}

/** Canonical decimal text of a numeric ("750.000000" → "750"). */
const canonical = (text: string): string => (text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text);

/** A non-negative numeric with at most QUANTITY_SCALE decimals (the column's), scaled to an integer; any size. */
function scaled(text: string): bigint {
  const [whole = '0', fraction = ''] = text.split('.');
  return BigInt(whole) * 10n ** BigInt(QUANTITY_SCALE) + BigInt(fraction.padEnd(QUANTITY_SCALE, '0').slice(0, QUANTITY_SCALE) || '0');
}

function aggregateOf(row: AggregateRow): UsageAggregate {
  return { count: Number(row.count), sum: scaled(row.sum), max: row.max == null ? 0n : scaled(row.max), uniqueCount: Number(row.unique_count) };
}

const AGGREGATE_COLUMNS = `count(*)::int as count, coalesce(sum(quantity), 0)::text as sum, max(quantity)::text as max, count(distinct unique_key)::int as unique_count`;

/**
 * Usage of MANY subscribers over [from, to), per subscriber and metric, in ONE statement: what a
 * billing run needs for thousands of subscriptions at once. Subscribers or metrics without events
 * are absent from the result (their usage is zero).
 */
export async function aggregateUsage(
  em: EntityManager,
  tenantId: string,
  subscriberIds: readonly string[],
  metrics: string | readonly string[],
  from: UsageInstant,
  to: UsageInstant,
): Promise<Map<string, Map<string, UsageAggregate>>> {
  const result = new Map<string, Map<string, UsageAggregate>>();
  const metricList = typeof metrics === 'string' ? [metrics] : [...metrics];
  if (!subscriberIds.length || !metricList.length) return result;
  const rows = await em.execute<AggregateRow[]>(
    `select subscriber_id, metric, ${AGGREGATE_COLUMNS}
       from usage_event
      where tenant_id = ?
        and subscriber_id = any(array(select jsonb_array_elements_text(?::jsonb))::uuid[])
        and metric = any(array(select jsonb_array_elements_text(?::jsonb)))
        and occurred_at >= ?::timestamptz and occurred_at < ?::timestamptz
      group by subscriber_id, metric`,
    [tenantId, JSON.stringify(subscriberIds), JSON.stringify(metricList), instant(from), instant(to)],
  );
  for (const row of rows) {
    const bySubscriber = result.get(row.subscriber_id) ?? new Map<string, UsageAggregate>();
    bySubscriber.set(row.metric, aggregateOf(row));
    result.set(row.subscriber_id, bySubscriber);
  }
  return result;
}

export interface UsageSummary {
  count: number;
  sum: string;
  max: string | null;
  uniqueCount: number;
}

/** One subscriber's usage of one metric over [from, to), aggregated in SQL. */
export async function usageSummary(em: EntityManager, tenantId: string, subscriberId: string, metric: string, from: Date, to: Date): Promise<UsageSummary> {
  if (!(from < to)) throw AppError.badInput('`from` is before `to`', 'to');
  const [row] = await em.execute<AggregateRow[]>(
    `select ${AGGREGATE_COLUMNS} from usage_event
      where tenant_id = ? and subscriber_id = ? and metric = ? and occurred_at >= ? and occurred_at < ?`,
    [tenantId, subscriberId, metric, from.toISOString(), to.toISOString()],
  );
  return {
    count: Number(row?.count ?? 0),
    sum: canonical(row?.sum ?? '0'),
    max: row?.max == null ? null : canonical(row.max),
    uniqueCount: Number(row?.unique_count ?? 0),
  };
}
