import { readFile } from 'node:fs/promises';
import { Kind, parse, type ConstDirectiveNode } from 'graphql';

/** Subgraph URL by lowercased subgraph name. */
export type SubgraphEndpoints = ReadonlyMap<string, string>;

export async function readSupergraphSdl(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the supergraph SDL at ${path} (compose it with \`npm run compose\`)`, { cause: error });
  }
}

function stringArgument(directive: ConstDirectiveNode, name: string): string | undefined {
  const value = directive.arguments?.find((argument) => argument.name.value === name)?.value;
  return value?.kind === Kind.STRING ? value.value : undefined;
}

/** The subgraphs a supergraph names: the `@join__graph(name:, url:)` values of its `join__Graph` enum. */
export function subgraphsOfSupergraph(supergraphSdl: string): Map<string, string> {
  const subgraphs = new Map<string, string>();
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph') continue;
    for (const value of definition.values ?? []) {
      const directive = value.directives?.find((candidate) => candidate.name.value === 'join__graph');
      const name = directive && stringArgument(directive, 'name');
      if (name) subgraphs.set(name.toLowerCase(), directive && stringArgument(directive, 'url') || '');
    }
  }
  return subgraphs;
}

/**
 * The URL of every subgraph in the supergraph, with `overrides` (from SUBGRAPH_URLS) taking
 * precedence. An override naming no subgraph of the supergraph is a configuration mistake.
 */
export function resolveSubgraphEndpoints(supergraphSdl: string, overrides: Readonly<Record<string, string>>): SubgraphEndpoints {
  const endpoints = subgraphsOfSupergraph(supergraphSdl);
  const known = [...endpoints.keys()];
  for (const [name, url] of Object.entries(overrides)) {
    if (!endpoints.has(name)) throw new Error(`SUBGRAPH_URLS names "${name}", which is not in the supergraph (${known.join(', ')})`);
    endpoints.set(name, url);
  }
  const missing = known.filter((name) => !endpoints.get(name));
  if (missing.length > 0) throw new Error(`No URL for subgraph(s) ${missing.join(', ')}: set them in SUBGRAPH_URLS`);
  return endpoints;
}
