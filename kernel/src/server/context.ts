import type { Viewer } from '../auth/viewer.js';
import type { Database } from '../db/tenant-scope.js';

/** What every subgraph resolver receives; subgraphs add their per-request DataLoaders. */
export interface SubgraphContext<Loaders = unknown> {
  requestId: string;
  viewer: Viewer;
  db: Database;
  loaders: Loaders;
}
