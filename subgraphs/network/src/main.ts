import { startNetworkSubgraph } from './app.js';
import { readNetworkConfig } from './config.js';

const server = await startNetworkSubgraph(readNetworkConfig());
const shutdown = () => void server.stop().then(() => process.exit(0));
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
