import { startTenantsSubgraph } from './app.js';
import { readTenantsConfig } from './config.js';

const server = await startTenantsSubgraph(readTenantsConfig());
const shutdown = () => void server.stop().then(() => process.exit(0));
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
