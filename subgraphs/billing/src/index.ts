export { buildSchema } from './schema.js';
export { startBillingSubgraph } from './app.js';
export { readBillingConfig, type BillingConfig } from './config.js';
export { databaseModel } from './entities.js';
