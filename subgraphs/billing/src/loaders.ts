import type { Database, Viewer } from '@dotmac/kernel';

/** Per-request batch loaders of the billing subgraph (one SQL statement per field across a page). */
export interface BillingLoaders {
  readonly viewer: Viewer;
}

export function createBillingLoaders(_db: Database, viewer: Viewer): BillingLoaders {
  return { viewer };
}
