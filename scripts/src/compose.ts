import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isMainModule, repoRoot, schemaDir } from './paths.js';
import { CompositionError, composeSupergraph, schemaFiles } from './supergraph.js';

export { composeSupergraph } from './supergraph.js';

async function writeFiles(files: Map<string, string>): Promise<void> {
  await mkdir(schemaDir, { recursive: true });
  for (const [file, content] of files) {
    await writeFile(file, content);
    console.log(`wrote ${path.relative(repoRoot, file)}`);
  }
}

/** `npm run compose`: writes schema/<subgraph>.graphql and schema/supergraph.graphql. */
async function main(): Promise<void> {
  try {
    const { subgraphs, supergraphSdl } = await composeSupergraph();
    await writeFiles(schemaFiles(subgraphs, supergraphSdl));
  } catch (error) {
    if (!(error instanceof CompositionError)) throw error;
    // The subgraph SDLs are still written: they are what one reads to fix the errors.
    await writeFiles(schemaFiles(error.subgraphs));
    console.error(error.message);
    process.exitCode = 1;
  }
}

if (isMainModule(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
