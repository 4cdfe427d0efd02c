import { executeBound, type EntityManager, type LocalDate } from '@dotmac/kernel';
import { parseScaledDecimal } from '../money/rounding.js';
import { QUANTITY_SCALE } from '../money/tiers.js';
import type { UsageAggregate } from '../usage/usage-charge.js';
import type { DueSubscription } from './invoice-builder.js';
import { usageWindow } from './invoice-builder.js';

interface DueRow {
  id: string;
  subscriber_id: string;
  quantity: number;
  price_override_minor: string | null;
  start_date: string;
  end_date: string | null;
  billing_day_mode: DueSubscription['billingDayMode'];
  billing_day: number;
  anchor_date: string;
  next_period_index: number;
  next_bill_date: string;
  setup_fee_billed: boolean;
  plan_id: string;
  plan_name: string;
  plan_kind: DueSubscription['plan']['kind'];
  plan_interval: DueSubscription['plan']['interval'];
  plan_currency: string;
  price_minor: string;
  setup_fee_minor: string;
  usage_metric: string | null;
  usage_aggregation: DueSubscription['plan']['usageAggregation'];
  usage_unit: string | null;
  usage_tiers: DueSubscription['plan']['usageTiers'];
  account_currency: string;
  tax_jurisdictions: string[];
  tax_exempt_jurisdictions: string[];
}

/**
 * The next `limit` active subscriptions of the tenant with a period starting on or before `asOf`,
 * locked for this transaction, with their plan and billing account.
 */
export async function lockDueSubscriptions(em: EntityManager, tenantId: string, asOf: LocalDate, limit: number): Promise<DueSubscription[]> {
  const rows = await em.execute<DueRow[]>(
    `select s.id, s.subscriber_id, s.quantity, s.price_override_minor, s.start_date, s.end_date, s.billing_day_mode,
            s.billing_day, s.anchor_date, s.next_period_index, s.next_bill_date, s.setup_fee_billed,
            p.id as plan_id, p.name as plan_name, p.kind as plan_kind, p.interval as plan_interval, p.currency as plan_currency,
            p.price_minor, p.setup_fee_minor, p.usage_metric, p.usage_aggregation, p.usage_unit, p.usage_tiers,
            a.currency as account_currency, a.tax_jurisdictions, a.tax_exempt_jurisdictions
       from subscription s
       join service_plan p on p.id = s.plan_id
       join billing_account a on a.subscriber_id = s.subscriber_id
      where s.tenant_id = ? and s.status in ('active', 'cancelled') and s.next_bill_date <= ? and (s.end_date is null or s.next_bill_date <= s.end_date)
      order by s.next_bill_date, s.id
      limit ?
      for update of s`,
    [tenantId, asOf, limit],
  );
  return rows.map((row) => ({
    id: row.id,
    subscriberId: row.subscriber_id,
    quantity: row.quantity,
    priceOverrideMinor: row.price_override_minor === null ? null : Number(row.price_override_minor),
    startDate: row.start_date,
    endDate: row.end_date,
    billingDayMode: row.billing_day_mode,
    billingDay: row.billing_day,
    anchorDate: row.anchor_date,
    nextPeriodIndex: row.next_period_index,
    nextBillDate: row.next_bill_date,
    setupFeeBilled: row.setup_fee_billed,
    plan: {
      id: row.plan_id,
      name: row.plan_name,
      kind: row.plan_kind,
      interval: row.plan_interval,
      currency: row.plan_currency,
      priceMinor: Number(row.price_minor),
      setupFeeMinor: Number(row.setup_fee_minor),
      usageMetric: row.usage_metric,
      usageAggregation: row.usage_aggregation,
      usageUnit: row.usage_unit,
      usageTiers: row.usage_tiers,
    },
    account: { currency: row.account_currency, taxJurisdictions: row.tax_jurisdictions, taxExemptJurisdictions: row.tax_exempt_jurisdictions },
  }));
}

/** Subscriptions whose end date comes before their next period stop (active ones end): nothing is left to bill. */
export async function endFinishedSubscriptions(em: EntityManager, tenantId: string): Promise<number> {
  const ended = await em.execute(
    `update subscription set status = case when status = 'active' then 'ended' else status end, next_bill_date = null, updated_at = now()
      where tenant_id = ? and status in ('active', 'cancelled') and end_date is not null and next_bill_date > end_date
      returning id`,
    [tenantId],
  );
  return ended.length;
}

/** Usage of each subscription's previous period (the window it is billed in arrears), in one statement. */
export async function usageOfPreviousPeriods(em: EntityManager, tenantId: string, due: readonly DueSubscription[]): Promise<Map<string, UsageAggregate>> {
  const windows = due.flatMap((subscription) => {
    const window = usageWindow(subscription);
    return window
      ? [{ subscription_id: subscription.id, subscriber_id: subscription.subscriberId, metric: subscription.plan.usageMetric, from_ts: `${window.from}T00:00:00Z`, to_ts: `${window.to}T00:00:00Z` }]
      : [];
  });
  if (windows.length === 0) return new Map();
  const rows = await executeBound<{ subscription_id: string; count: string; sum: string; max: string; unique_count: string }>(
    em,
    `select w.subscription_id, count(u.id) as count, coalesce(sum(u.quantity), 0)::text as sum,
            coalesce(max(u.quantity), 0)::text as max, count(distinct u.unique_key) as unique_count
       from jsonb_to_recordset(?::jsonb) as w(subscription_id uuid, subscriber_id uuid, metric text, from_ts timestamptz, to_ts timestamptz)
       left join usage_event u on u.tenant_id = ? and u.subscriber_id = w.subscriber_id and u.metric = w.metric
                              and u.occurred_at >= w.from_ts and u.occurred_at < w.to_ts
      group by w.subscription_id`,
    [JSON.stringify(windows), tenantId],
  );
  return new Map(
    rows.map((row) => [
      row.subscription_id,
      { count: Number(row.count), sum: scaled(row.sum), max: scaled(row.max), uniqueCount: Number(row.unique_count) },
    ]),
  );
}

/** A numeric(20,6) sum as an integer scaled by 10^QUANTITY_SCALE. */
const scaled = (text: string): bigint => parseScaledDecimal(text, QUANTITY_SCALE) ?? 0n;
