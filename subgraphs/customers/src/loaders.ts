import DataLoader from 'dataloader';
import { isPlatformAdmin, PLATFORM_SCOPE, tenantScope, type Database, type Scope, type Viewer } from '@dotmac/kernel';
import { Subscriber } from './subscriber/subscriber.entity.js';
import { countByTenant } from './subscriber/subscriber.service.js';

export interface CustomersLoaders {
  subscriberById: DataLoader<string, Subscriber | undefined>;
  subscriberCountByTenant: DataLoader<string, number>;
}

/** Platform admins read across tenants here (these serve platform-level fields); others their own tenant. */
function readScope(viewer: Viewer): Scope | undefined {
  if (isPlatformAdmin(viewer)) return PLATFORM_SCOPE;
  return viewer.tenantId ? tenantScope(viewer.tenantId) : undefined;
}

export function createCustomersLoaders(db: Database, viewer: Viewer): CustomersLoaders {
  const scope = readScope(viewer);
  return {
    subscriberById: new DataLoader(async (ids) => {
      if (!scope) return ids.map(() => undefined);
      const rows = await db.run(scope, (em) => em.find(Subscriber, { id: { $in: [...ids] } }));
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id));
    }),
    subscriberCountByTenant: new DataLoader(async (tenantIds) => {
      if (!scope) return tenantIds.map(() => 0);
      const counts = await db.run(scope, (em) => countByTenant(em, tenantIds));
      return tenantIds.map((id) => counts.get(id) ?? 0);
    }),
  };
}
