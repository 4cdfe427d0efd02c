import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { supergraphFile } from './paths.js';
import { composeSupergraph, schemaFiles } from './supergraph.js';

/**
 * Composes the supergraph from the subgraphs' code into `<dataDir>/supergraph.graphql`, so the
 * gateway always serves what the code defines, and warns when the committed schema/ drifted.
 */
export async function writeRuntimeSupergraph(dataDir: string, log: (message: string) => void): Promise<string> {
  const { subgraphs, supergraphSdl } = await composeSupergraph();
  const files = schemaFiles(subgraphs, supergraphSdl);
  const stale: string[] = [];
  for (const [file, content] of files) {
    if ((await readFile(file, 'utf8').catch(() => undefined)) !== content) stale.push(path.basename(file));
  }
  if (stale.length) log(`warning: schema/ differs from the code (${stale.join(', ')}); run \`npm run compose\``);
  const target = path.join(dataDir, 'supergraph.graphql');
  await writeFile(target, files.get(supergraphFile) ?? supergraphSdl);
  return target;
}
