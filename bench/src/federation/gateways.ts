import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const HIVE_DIR = path.join(REPO_ROOT, 'bench/hive-gateway');

export interface GatewayCommand {
  command: string;
  args: string[];
  /** Matches the output line that says the gateway accepts requests. */
  ready: RegExp;
  /** Environment on top of the bench's own. */
  env?: Record<string, string>;
}

export interface GatewayUnderTest {
  readonly key: 'stock' | 'hive' | 'dotmac' | 'dotmac-unshared';
  readonly title: string;
  /** Installs what the gateway needs on first use. */
  prepare?(): Promise<void>;
  command(options: { supergraphPath: string; port: number; subgraphUrls: Record<string, string> }): GatewayCommand;
}

/**
 * The gateways in the order they are loaded: A, B, C (and D, DotMac with in-flight sharing of
 * identical subgraph queries switched off, to show what that contributes).
 */
export const GATEWAYS: readonly GatewayUnderTest[] = [
  {
    key: 'stock',
    title: 'stock @apollo/gateway 2.14.4',
    command: ({ supergraphPath, port }) => ({
      command: 'node',
      args: [path.join(REPO_ROOT, 'bench/dist/federation/stock-gateway.js'), '--supergraph', supergraphPath, '--port', String(port)],
      ready: /^ready /m,
    }),
  },
  {
    key: 'hive',
    title: 'Hive Gateway 2.15.1',
    prepare: async () => {
      if (existsSync(path.join(HIVE_DIR, 'node_modules/.bin/hive-gateway'))) return;
      console.log('installing Hive Gateway into bench/hive-gateway (first run only)…');
      execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: HIVE_DIR, stdio: 'inherit' });
    },
    command: ({ supergraphPath, port }) => ({
      command: path.join(HIVE_DIR, 'node_modules/.bin/hive-gateway'),
      args: ['supergraph', supergraphPath, '--host', '127.0.0.1', '--port', String(port)],
      ready: /Listening on|Serving|started/i,
    }),
  },
  {
    key: 'dotmac',
    title: 'DotMac gateway',
    command: (options) => dotmacCommand(options),
  },
  {
    key: 'dotmac-unshared',
    title: 'DotMac gateway, SUBGRAPH_SHARE_IN_FLIGHT=false',
    command: (options) => dotmacCommand(options, { SUBGRAPH_SHARE_IN_FLIGHT: 'false' }),
  },
];

function dotmacCommand(
  { supergraphPath, port, subgraphUrls }: { supergraphPath: string; port: number; subgraphUrls: Record<string, string> },
  env: Record<string, string> = {},
): GatewayCommand {
  return {
    command: 'node',
    args: [
      path.join(REPO_ROOT, 'gateway/dist/main.js'),
      '--supergraph', supergraphPath,
      '--subgraphs', Object.entries(subgraphUrls).map(([name, url]) => `${name}=${url}`).join(','),
      '--port', String(port),
      '--no-auth',
    ],
    ready: /gateway listening/,
    env,
  };
}
