import { ConfigError } from '@dotmac/kernel/edge';
import { environmentFromArgs } from './cli-args.js';
import { readGatewayConfig } from './config.js';
import { startGateway } from './server.js';

try {
  const gateway = await startGateway(readGatewayConfig({ ...process.env, ...environmentFromArgs(process.argv.slice(2)) }));
  const shutDown = () => void gateway.stop().then(() => process.exit(0));
  process.once('SIGINT', shutDown);
  process.once('SIGTERM', shutDown);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
