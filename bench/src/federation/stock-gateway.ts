/**
 * Stock @apollo/gateway behind a stock Apollo Server (standalone), as a separate process for the
 * federation benchmark: no DotMac code in the request path.
 *   node bench/dist/federation/stock-gateway.js --supergraph <file> --port <n>
 */
import { readFile } from 'node:fs/promises';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

function flag(name: string): string {
  const index = process.argv.indexOf(name);
  const value = index >= 0 ? process.argv[index + 1] : undefined;
  if (!value) throw new Error(`missing ${name}`);
  return value;
}

const supergraphSdl = await readFile(flag('--supergraph'), 'utf8');
const server = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl }) });
const { url } = await startStandaloneServer(server, { listen: { port: Number(flag('--port')), host: '127.0.0.1' } });
console.log(`ready ${url}`);
