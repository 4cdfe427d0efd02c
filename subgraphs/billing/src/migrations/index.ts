import type { MigrationEntry } from '@dotmac/kernel';
import { Migration20261124100001 } from './Migration20261124100001.js';

/** Every migration of this subgraph, oldest first. */
export const migrations: MigrationEntry[] = [{ name: 'Migration20261124100001', class: Migration20261124100001 }];
