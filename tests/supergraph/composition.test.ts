import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { composeSupergraph, subgraphSchemaFile, supergraphFile } from '@dotmac/scripts/index';

describe('schema/ is what the code composes', () => {
  it('composes without errors and matches the committed files', async () => {
    const { subgraphs, supergraphSdl } = await composeSupergraph();
    expect(subgraphs.map((subgraph) => subgraph.name).sort()).toEqual(['billing', 'customers', 'network', 'tenants']);
    for (const subgraph of subgraphs) {
      expect(await readFile(subgraphSchemaFile(subgraph.name), 'utf8'), `schema/${subgraph.name}.graphql is stale: run npm run compose`).toBe(subgraph.sdl);
    }
    expect(await readFile(supergraphFile, 'utf8'), 'schema/supergraph.graphql is stale: run npm run compose').toBe(supergraphSdl);
  });
});
