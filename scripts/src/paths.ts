import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** The monorepo root: scripts/dist/paths.js lives two levels below it. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export const schemaDir = path.join(repoRoot, 'schema');
export const supergraphFile = path.join(schemaDir, 'supergraph.graphql');
export const webIndexFile = path.join(repoRoot, 'web', 'index.html');

export function subgraphSchemaFile(name: string): string {
  return path.join(schemaDir, `${name}.graphql`);
}

/** Absolute path of a workspace package's compiled module, e.g. `entryOf('@dotmac/gateway', 'main')`. */
export function entryOf(packageName: string, module: string): string {
  return require.resolve(`${packageName}/${module}`);
}

/** True when the calling module is the script node was started with (`node scripts/dist/x.js`). */
export function isMainModule(moduleUrl: string): boolean {
  const script = process.argv[1];
  return script !== undefined && path.resolve(script) === fileURLToPath(moduleUrl);
}
