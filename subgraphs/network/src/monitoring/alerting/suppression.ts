import { executeBound, type EntityManager } from '@dotmac/kernel';
import { uuidArray } from '@dotmac/kernel';

/** Topology deeper than this is treated as broken data, not followed further. */
const MAX_DEPTH = 64;

/**
 * For each device given, the nearest ancestor that is down (it has an unresolved incident from an
 * `up` rule), in one recursive statement. Devices without a down ancestor are absent.
 */
export async function nearestDownAncestors(em: EntityManager, deviceIds: readonly string[]): Promise<Map<string, string>> {
  if (deviceIds.length === 0) return new Map();
  const rows = await executeBound<{ device_id: string; ancestor_id: string }>(
    em,
    `with recursive chain (device_id, ancestor_id, depth) as (
       select d.id, d.parent_id, 1 from device d where d.id = any(?::uuid[]) and d.parent_id is not null
       union all
       select c.device_id, p.parent_id, c.depth + 1 from chain c join device p on p.id = c.ancestor_id
       where p.parent_id is not null and c.depth < ${MAX_DEPTH}
     )
     select distinct on (c.device_id) c.device_id, c.ancestor_id from chain c
     where exists (select 1 from incident i where i.device_id = c.ancestor_id and i.state <> 'resolved' and i.source = 'rule' and i.metric = 'up')
     order by c.device_id, c.depth`,
    [uuidArray(deviceIds)],
  );
  return new Map(rows.map((row) => [row.device_id, row.ancestor_id]));
}
