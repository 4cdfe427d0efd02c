/**
 * The one list of DotMac subgraphs. Composition, the launcher, the provisioning CLI and the test
 * suite all read it; adding a subgraph starts here.
 */
export interface SubgraphDefinition {
  /** Subgraph name in the supergraph and in SUBGRAPH_URLS. */
  readonly name: string;
  /** Workspace package; exports `buildSchema()` from its index and listens in `dist/main.js`. */
  readonly packageName: string;
  /** Default port; the launcher shifts all of them together when given another first port. */
  readonly port: number;
  /** Its database is `<prefix>_<databaseSuffix>`. */
  readonly databaseSuffix: string;
  /** Issues tokens and owns the platform admin: gets JWT_SECRET and the bootstrap admin. */
  readonly ownsIdentity: boolean;
  /** Encrypts secrets at rest (device credentials): gets NETWORK_CREDENTIALS_KEY. */
  readonly encryptsCredentials?: boolean;
}

export const DEFAULT_FIRST_SUBGRAPH_PORT = 4001;

export const SUBGRAPHS: readonly SubgraphDefinition[] = Object.freeze([
  { name: 'tenants', packageName: '@dotmac/tenants', port: 4001, databaseSuffix: 'tenants', ownsIdentity: true },
  { name: 'customers', packageName: '@dotmac/customers', port: 4002, databaseSuffix: 'customers', ownsIdentity: false },
  { name: 'billing', packageName: '@dotmac/billing', port: 4003, databaseSuffix: 'billing', ownsIdentity: false },
  { name: 'network', packageName: '@dotmac/network', port: 4004, databaseSuffix: 'network', ownsIdentity: false, encryptsCredentials: true },
]);

export function subgraphPort(subgraph: SubgraphDefinition, firstPort = DEFAULT_FIRST_SUBGRAPH_PORT): number {
  return subgraph.port - DEFAULT_FIRST_SUBGRAPH_PORT + firstPort;
}

export function subgraphUrl(subgraph: SubgraphDefinition, firstPort = DEFAULT_FIRST_SUBGRAPH_PORT, host = '127.0.0.1'): string {
  return `http://${host}:${subgraphPort(subgraph, firstPort)}/graphql`;
}

export function databaseName(subgraph: SubgraphDefinition, prefix: string): string {
  return `${prefix}_${subgraph.databaseSuffix}`;
}

/** The subgraph whose `/internal/auth/resolve` the gateway calls to turn a token into a viewer. */
export function identitySubgraph(): SubgraphDefinition {
  const found = SUBGRAPHS.find((subgraph) => subgraph.ownsIdentity);
  if (!found) throw new Error('No subgraph owns identity');
  return found;
}
