import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { composeSupergraph, driftedFiles, schemaFiles } from './supergraph.js';

/**
 * Composes the supergraph from the subgraphs' code into `<dataDir>/supergraph.graphql`, so the
 * gateway always serves what the code defines, and warns when the committed schema/ drifted.
 */
export async function writeRuntimeSupergraph(dataDir: string, log: (message: string) => void): Promise<string> {
  const { subgraphs, supergraphSdl } = await composeSupergraph();
  const stale = await driftedFiles(schemaFiles(subgraphs, supergraphSdl));
  if (stale.length) log(`warning: schema/ differs from the code (${stale.map((file) => path.basename(file)).join(', ')}); run \`npm run compose\``);
  const target = path.join(dataDir, 'supergraph.graphql');
  await writeFile(target, supergraphSdl);
  return target;
}
