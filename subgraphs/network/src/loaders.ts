import type { Database, Viewer } from '@dotmac/kernel';

/** Per-request batch loaders of the network subgraph (one SQL statement per field across a page). */
export interface NetworkLoaders {
  readonly viewer: Viewer;
}

export function createNetworkLoaders(_db: Database, viewer: Viewer): NetworkLoaders {
  return { viewer };
}
