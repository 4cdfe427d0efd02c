import type { MigrationEntry } from '@dotmac/kernel';
import { Migration20261124000001 } from './Migration20261124000001.js';
import { Migration20261125000001 } from './Migration20261125000001.js';

/** Every migration of this subgraph, oldest first. */
export const migrations: MigrationEntry[] = [
  { name: 'Migration20261124000001', class: Migration20261124000001 },
  { name: 'Migration20261125000001', class: Migration20261125000001 },
];
