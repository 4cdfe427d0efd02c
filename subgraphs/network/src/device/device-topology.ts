import { AppError, lockKey, type EntityManager } from '@dotmac/kernel';

/** Serialises topology changes of one tenant, so two concurrent re-parentings cannot close a loop together. */
export const lockTopology = (em: EntityManager, tenantId: string): Promise<void> => lockKey(em, `network-topology:${tenantId}`);

/**
 * Refuses to make `parentId` the parent of `deviceId` when that would close a loop: the device
 * itself, or any device below it, cannot be its parent. One recursive query up from the new parent.
 */
export async function refuseCycle(em: EntityManager, deviceId: string, parentId: string): Promise<void> {
  if (deviceId === parentId) throw AppError.conflict('A device cannot be its own parent', 'parentId');
  const [loop] = await em.execute<{ id: string }[]>(
    `with recursive ancestors (id, parent_id, depth) as (
       select id, parent_id, 0 from device where id = ?
       union all
       select d.id, d.parent_id, a.depth + 1 from device d join ancestors a on d.id = a.parent_id where a.depth < 1000
     ) select id from ancestors where id = ? limit 1`,
    [parentId, deviceId],
  );
  if (loop) throw AppError.conflict('That parent sits below this device: the topology would have a cycle', 'parentId');
}
