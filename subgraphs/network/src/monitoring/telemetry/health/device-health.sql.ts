/**
 * The one statement per batch that stores the samples and folds them into `device_health`,
 * answering which devices changed state. Per health metric it keeps the newest value (a late, older sample never wins),
 * then derives state and reason from the merged values against the ISP's thresholds:
 *   no sample within the staleness window        → unknown
 *   fresh `up` = 0                                → down
 *   a fresh metric above its threshold            → degraded (reason lists each breach)
 *   samples, but no fresh `up`                    → degraded
 *   otherwise                                     → up
 * Existing rows are locked in device-id order, so concurrent batches never deadlock.
 */

/** Metrics that decide health: column prefix, and the threshold parameter it is compared with. */
const HEALTH_METRICS = [
  { metric: 'up', threshold: undefined },
  { metric: 'latency_ms', threshold: 'max_latency_ms' },
  { metric: 'loss_percent', threshold: 'max_loss_percent' },
  { metric: 'cpu_percent', threshold: 'max_cpu_percent' },
  { metric: 'temperature_c', threshold: 'max_temperature_c' },
] as const;

const pivot = HEALTH_METRICS.map(
  ({ metric }) => `max(value) filter (where metric = '${metric}') as "${metric}", max(at) filter (where metric = '${metric}') as "${metric}_at"`,
).join(',\n      ');

const newer = (metric: string) => `(i."${metric}_at" is not null and (p."${metric}_at" is null or i."${metric}_at" >= p."${metric}_at"))`;
const merge = HEALTH_METRICS.map(
  ({ metric }) =>
    `case when ${newer(metric)} then i."${metric}" else p."${metric}" end as "${metric}",
      case when ${newer(metric)} then i."${metric}_at" else p."${metric}_at" end as "${metric}_at"`,
).join(',\n      ');

const fresh = (metric: string) => `m."${metric}_at" >= t.now - t.stale`;
const breaches = HEALTH_METRICS.filter(({ threshold }) => threshold)
  .map(({ metric, threshold }) => `case when ${fresh(metric)} and m."${metric}" > t.${threshold} then format('%s %s > %s', '${metric}', m."${metric}", t.${threshold}) end`)
  .join(', ');

const columns = HEALTH_METRICS.flatMap(({ metric }) => [`"${metric}"`, `"${metric}_at"`]);

/**
 * Parameters: tenant id, staleness in seconds, the thresholds max_latency_ms, max_loss_percent,
 * max_cpu_percent, max_temperature_c, then the batch as arrays (device ids, metrics, values, times,
 * labels).
 */
export const STORE_SAMPLES_AND_UPDATE_HEALTH_SQL = `
with t as (
  select ?::uuid as tenant_id, now() as now, make_interval(secs => ?::float8) as stale,
         ?::float8 as max_latency_ms, ?::float8 as max_loss_percent, ?::float8 as max_cpu_percent, ?::float8 as max_temperature_c
),
batch as (
  select * from unnest(?::uuid[], ?::text[], ?::float8[], ?::timestamptz[], ?::jsonb[]) as s(device_id, metric, value, at, labels)
),
stored as (
  insert into health_sample (tenant_id, device_id, metric, value, at, labels, received_at)
  select t.tenant_id, b.device_id, b.metric, b.value, b.at, b.labels, t.now from batch b cross join t
),
latest as (
  select distinct on (device_id, metric) device_id, metric, value, at from batch order by device_id, metric, at desc
),
incoming as (
  select device_id, max(at) as last_at,
      ${pivot}
  from latest group by device_id
),
previous as (
  select h.* from device_health h where h.device_id in (select device_id from incoming) order by h.device_id for update
),
merged as (
  select i.device_id, greatest(p.last_sample_at, i.last_at) as last_sample_at, p.state as previous_state,
      ${merge}
  from incoming i left join previous p using (device_id)
),
checked as (
  select m.*, concat_ws('; ', ${breaches}) as breaches,
         m.up_at >= t.now - t.stale as up_fresh, m.last_sample_at >= t.now - t.stale as any_fresh, t.stale
  from merged m cross join t
),
evaluated as (
  select c.*,
    case when not c.any_fresh then 'unknown'
         when c.up_fresh and c.up = 0 then 'down'
         when c.breaches <> '' then 'degraded'
         when c.up_fresh is not true then 'degraded'
         else 'up' end as state,
    case when not c.any_fresh then format('No samples in the last %s s', extract(epoch from c.stale)::int)
         when c.up_fresh and c.up = 0 then 'Device reports up = 0'
         when c.breaches <> '' then c.breaches
         when c.up_fresh is not true then 'No recent up sample'
         else null end as reason
  from checked c
),
upserted as (
  insert into device_health (device_id, tenant_id, state, since, reason, last_sample_at, ${columns.join(', ')}, updated_at)
  select e.device_id, t.tenant_id, e.state, e.last_sample_at, e.reason, e.last_sample_at, ${columns.map((column) => `e.${column}`).join(', ')}, t.now
  from evaluated e cross join t
  order by e.device_id
  on conflict (device_id) do update set
    state = excluded.state,
    since = case when device_health.state = excluded.state then device_health.since else excluded.since end,
    reason = excluded.reason,
    last_sample_at = excluded.last_sample_at,
    ${columns.map((column) => `${column} = excluded.${column}`).join(',\n    ')},
    updated_at = excluded.updated_at
  returning device_id, state, since, reason
)
select u.device_id as "deviceId", coalesce(e.previous_state, 'unknown') as previous, u.state as current, u.since as at, u.reason
from upserted u join evaluated e using (device_id)
where coalesce(e.previous_state, 'unknown') <> u.state`;
