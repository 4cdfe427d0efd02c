export { buildSchema } from './schema.js';
export { startCustomersSubgraph } from './app.js';
export { readCustomersConfig, type CustomersConfig } from './config.js';
export { databaseModel } from './entities.js';
