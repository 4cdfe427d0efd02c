import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { repoRoot, subgraphSchemaFile, supergraphFile } from './paths.js';
import { SUBGRAPHS, subgraphUrl, type SubgraphDefinition } from './subgraphs.js';

export interface ComposedSubgraph {
  name: string;
  sdl: string;
  url: string;
}

export interface ComposedSupergraph {
  subgraphs: ComposedSubgraph[];
  supergraphSdl: string;
}

const withFinalNewline = (text: string): string => (text.endsWith('\n') ? text : `${text}\n`);

export class CompositionError extends Error {
  constructor(
    readonly errors: string[],
    readonly subgraphs: ComposedSubgraph[],
  ) {
    super(`Supergraph composition failed with ${errors.length} error(s):\n  - ${errors.join('\n  - ')}`);
    this.name = 'CompositionError';
  }
}

const execFileAsync = promisify(execFile);

/**
 * Builds one subgraph's SDL in a process of its own: type-graphql keeps its metadata in one global
 * store, so two subgraphs that both declare e.g. `Tenant` must never be built in the same process.
 */
async function subgraphSdl(subgraph: SubgraphDefinition): Promise<string> {
  const script = `const m = await import(${JSON.stringify(subgraph.packageName)});
if (typeof m.buildSchema !== 'function') throw new Error(${JSON.stringify(`${subgraph.packageName} does not export buildSchema() from its index`)});
process.stdout.write((await m.buildSchema()).sdl);`;
  const { stdout } = await execFileAsync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: repoRoot,
    maxBuffer: 64 * 1024 * 1024,
  });
  return withFinalNewline(stdout);
}

/** Builds every subgraph's SDL from code (no file reads or writes); SDLs end with a newline. */
export async function buildSubgraphSdls(): Promise<ComposedSubgraph[]> {
  return Promise.all(SUBGRAPHS.map(async (subgraph) => ({ name: subgraph.name, sdl: await subgraphSdl(subgraph), url: subgraphUrl(subgraph) })));
}

/**
 * Composes the supergraph from the subgraphs' code, with the default routing URLs
 * (http://127.0.0.1:4001/graphql, …). Writes nothing; throws {@link CompositionError} listing every
 * composition error. Every SDL ends with a newline and is exactly what schema/ holds.
 */
export async function composeSupergraph(): Promise<ComposedSupergraph> {
  const subgraphs = await buildSubgraphSdls();
  const result = composeServices(
    subgraphs.map((subgraph) => ({ name: subgraph.name, typeDefs: parse(subgraph.sdl), url: subgraph.url })),
  );
  if (result.errors) {
    throw new CompositionError(
      result.errors.map((error) => `${String(error.extensions['code'] ?? 'ERROR')}: ${error.message}`),
      subgraphs,
    );
  }
  return { subgraphs, supergraphSdl: withFinalNewline(result.supergraphSdl) };
}

/** The schema/ files for a set of subgraph SDLs and (if composed) the supergraph, by absolute path. */
export function schemaFiles(subgraphs: ComposedSubgraph[], supergraphSdl?: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const subgraph of subgraphs) files.set(subgraphSchemaFile(subgraph.name), subgraph.sdl);
  if (supergraphSdl !== undefined) files.set(supergraphFile, supergraphSdl);
  return files;
}

/** Paths among `files` whose content on disk differs from the given content (missing files too). */
export async function driftedFiles(files: Map<string, string>): Promise<string[]> {
  const drifted: string[] = [];
  for (const [file, expected] of files) {
    const committed = await readFile(file, 'utf8').catch(() => undefined);
    if (committed !== expected) drifted.push(file);
  }
  return drifted;
}

/** Paths of committed schema/ files that differ from what the code composes now (empty: no drift). */
export async function findSchemaDrift(): Promise<string[]> {
  const { subgraphs, supergraphSdl } = await composeSupergraph();
  return driftedFiles(schemaFiles(subgraphs, supergraphSdl));
}
