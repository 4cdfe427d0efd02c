import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { ConfigError } from '@dotmac/kernel';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGatewayConfig, startGateway, type RunningGateway } from '@dotmac/gateway';
import { environmentFromArgs } from './cli-args.js';

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { hello(name: String = "world"): String! }
`);

describe('any-supergraph mode (DOTMAC_AUTH=false)', () => {
  const seenHeaders: Array<string | undefined> = [];
  let subgraph: ApolloServer;
  let gateway: RunningGateway;

  beforeAll(async () => {
    // A plain subgraph that knows nothing of DotMac: no signed context, no auth.
    const schema = buildSubgraphSchema({ typeDefs, resolvers: { Query: { hello: (_: unknown, args: { name: string }) => `hello ${args.name}` } } });
    subgraph = new ApolloServer({ schema });
    const { url } = await startStandaloneServer(subgraph, {
      listen: { port: 0, host: '127.0.0.1' },
      context: async ({ req }) => {
        seenHeaders.push(req.headers['x-dotmac-context'] as string | undefined);
        return {};
      },
    });
    const composed = composeServices([{ name: 'greetings', typeDefs, url }]);
    if (composed.errors) throw composed.errors[0];
    const config = readGatewayConfig({ ...environmentFromArgs(['--no-auth', '--port', '0', `--subgraphs=greetings=${url}`]), LOG_LEVEL: 'silent' });
    gateway = await startGateway(config, { supergraphSdl: composed.supergraphSdl });
  });
  afterAll(async () => {
    await gateway?.stop();
    await subgraph?.stop();
  });

  it('serves a supergraph that has no DotMac subgraphs, sending no signed context', async () => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not-looked-up' },
      body: JSON.stringify({ query: 'query($n: String) { a: hello b: hello(name: $n) }', variables: { n: 'ISP' } }),
    });
    expect(await response.json()).toEqual({ data: { a: 'hello world', b: 'hello ISP' } });
    expect(seenHeaders.length).toBeGreaterThan(0);
    expect(seenHeaders.every((header) => header === undefined)).toBe(true);
  });

  it('reads its flags and refuses DotMac auth without a signing key', () => {
    expect(environmentFromArgs(['--supergraph', 'x.graphql', '--port=4200', '--no-auth'])).toEqual({ SUPERGRAPH_PATH: 'x.graphql', PORT: '4200', DOTMAC_AUTH: 'false' });
    expect(() => environmentFromArgs(['--bogus', '1'])).toThrow(/Unknown or incomplete argument/);
    expect(() => readGatewayConfig({})).toThrow(ConfigError);
  });
});
