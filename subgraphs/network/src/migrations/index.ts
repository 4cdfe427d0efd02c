import type { MigrationEntry } from '@dotmac/kernel';
import { Migration20261201000001 } from './Migration20261201000001.js';
import { Migration20261201000002 } from './Migration20261201000002.js';
import { Migration20261201000010 } from './Migration20261201000010.js';
import { Migration20261208090001 } from './Migration20261208090001.js';
import { Migration20261215000001 } from './Migration20261215000001.js';

/** Every migration of this subgraph, oldest first. */
export const migrations: MigrationEntry[] = [
  { name: 'Migration20261201000001', class: Migration20261201000001 },
  { name: 'Migration20261201000002', class: Migration20261201000002 },
  { name: 'Migration20261201000010', class: Migration20261201000010 },
  { name: 'Migration20261208090001', class: Migration20261208090001 },
  { name: 'Migration20261215000001', class: Migration20261215000001 },
];
