import DataLoader from 'dataloader';
import { platformReadScope, type Database, type Viewer } from '@dotmac/kernel';
import { Tenant } from './tenant/tenant.entity.js';

export interface TenantsLoaders {
  tenantById: DataLoader<string, Tenant | undefined>;
}

/** Per-request loaders: one query per batch, results in the order of the keys. */
export function createTenantsLoaders(db: Database, viewer: Viewer): TenantsLoaders {
  return {
    tenantById: new DataLoader(async (ids) => {
      if (viewer.kind === 'anonymous') return ids.map(() => undefined);
      const rows = await db.run(platformReadScope(viewer), (em) => em.find(Tenant, { id: { $in: [...ids] } }));
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id));
    }),
  };
}
