import { startCustomersSubgraph } from './app.js';
import { readCustomersConfig } from './config.js';

const server = await startCustomersSubgraph(readCustomersConfig());
const shutdown = () => void server.stop().then(() => process.exit(0));
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
