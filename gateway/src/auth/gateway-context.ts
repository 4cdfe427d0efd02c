import type { Viewer } from '@dotmac/kernel/edge';

/** What the gateway knows about one request; the subgraph data source signs it into every fetch. */
export type GatewayContext = {
  requestId: string;
  viewer: Viewer;
};

/** The viewer the gateway acts as on its own behalf (token resolution, schema-level fetches). */
export const SYSTEM_VIEWER: Viewer = Object.freeze({ kind: 'system', roles: [] }) as Viewer;
