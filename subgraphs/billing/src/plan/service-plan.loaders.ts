import DataLoader from 'dataloader';
import type { Database, Viewer } from '@dotmac/kernel';
import { loaderScope } from '../access/read-scope.js';
import { ServicePlan } from './service-plan.entity.js';

/** Plans by raw id, one query per batch (a page of subscriptions asks for their plans at once). */
export function createPlanByIdLoader(db: Database, viewer: Viewer): DataLoader<string, ServicePlan | undefined> {
  const scope = loaderScope(viewer);
  return new DataLoader(async (ids) => {
    if (!scope) return ids.map(() => undefined);
    const rows = await db.run(scope, (em) => em.find(ServicePlan, { id: { $in: [...ids] } }));
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id));
  });
}
