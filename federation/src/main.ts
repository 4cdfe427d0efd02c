/**
 * Serves the fixture subgraphs from the command line, so benchmarks can run each in its own process:
 *   node federation/dist/main.js --subgraph products --port 4802   (one subgraph)
 *   node federation/dist/main.js --port 4801                        (all four on 4801…4804)
 * Prints one line `ready <name> <url>` per subgraph once it accepts requests.
 */
import { FEDERATION_SUBGRAPHS } from './compose.js';
import { serveSubgraph } from './serve.js';

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const only = flag('--subgraph');
const port = Number(flag('--port') ?? 4801);
const host = flag('--host') ?? '127.0.0.1';
const selected = only ? FEDERATION_SUBGRAPHS.filter(({ name }) => name === only) : FEDERATION_SUBGRAPHS;
if (selected.length === 0 || !Number.isInteger(port)) {
  console.error(`usage: main.js [--subgraph ${FEDERATION_SUBGRAPHS.map(({ name }) => name).join('|')}] [--port N] [--host H]`);
  process.exit(2);
}

const running: { stop(): Promise<void> }[] = [];
for (const [offset, definition] of selected.entries()) {
  const server = await serveSubgraph(definition, port === 0 ? 0 : port + offset, host);
  running.push(server);
  console.log(`ready ${definition.name} ${server.url}`);
}
const shutDown = () => void Promise.all(running.map((server) => server.stop())).then(() => process.exit(0));
process.once('SIGINT', shutDown);
process.once('SIGTERM', shutDown);
