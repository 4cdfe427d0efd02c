export { buildSchema } from './schema.js';
export { startTenantsSubgraph } from './app.js';
export { readTenantsConfig, type TenantsConfig } from './config.js';
export { databaseModel } from './entities.js';
