import { startBillingSubgraph } from './app.js';
import { readBillingConfig } from './config.js';

const server = await startBillingSubgraph(readBillingConfig());
const shutdown = () => void server.stop().then(() => process.exit(0));
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
