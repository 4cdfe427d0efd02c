import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { AppError, startSubgraphServer, type InternalContext, type RunningServer } from '@dotmac/kernel';
import express from 'express';
import { parse } from 'graphql';
import { pino } from 'pino';

/**
 * Two toy subgraphs served by the kernel's real subgraph server (so the signed internal context
 * is verified), a toy `/internal/auth/resolve` on tenants, and their composed supergraph.
 */
export const SIGNING_KEY = 'gateway-test-signing-key-0123456789';
export const TOKENS = { user: 'user-token', apiKey: 'dmk_test_key' } as const;

const tenantsSdl = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { whoami: Who! adminOnly: String }
  type Who { kind: String! id: String clientIp: String requestId: String! }
  type Tenant @key(fields: "id") { id: ID! name: String! }
`);

const customersSdl = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { customers(first: Int, last: Int): CustomerConnection! missing: String boom: String slow(ms: Int!): Int! }
  type Mutation { bump(ms: Int!): Int! }
  type CustomerConnection { edges: [CustomerEdge!]! }
  type CustomerEdge { node: Customer! }
  type Customer @key(fields: "id") { id: ID! name: String! tenant: Tenant! friends(first: Int): CustomerConnection! }
  type Tenant @key(fields: "id", resolvable: false) { id: ID! }
`);

/** What the toy subgraphs were asked, reset by each start. */
const calls = { authLookups: 0, subgraphOperations: 0, requestIds: [] as string[], tenantReferences: 0, slowRuns: 0, bumps: 0 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const customer = (index: number) => ({ id: `c${index}`, name: `Customer ${index}`, tenant: { id: 't1' } });
const page = (size: number | null) => ({ edges: Array.from({ length: size ?? 3 }, (_, index) => ({ node: customer(index) })) });

const tenantsSchema = buildSubgraphSchema({
  typeDefs: tenantsSdl,
  resolvers: {
    Query: {
      whoami: (_: unknown, __: unknown, context: unknown) => {
        const { viewer, requestId } = context as InternalContext;
        return { ...viewer, requestId };
      },
      adminOnly: () => {
        throw AppError.forbidden('Requires one of the roles: platform_admin');
      },
    },
    Tenant: {
      __resolveReference: (reference: { id: string }) => {
        calls.tenantReferences += 1;
        return { id: reference.id, name: 'Acme ISP' };
      },
    },
  },
});

const customersSchema = buildSubgraphSchema({
  typeDefs: customersSdl,
  resolvers: {
    Query: {
      customers: (_: unknown, args: { first: number | null }) => page(args.first),
      missing: () => {
        throw AppError.notFound('Customer', 'c9');
      },
      boom: () => {
        throw new Error('database exploded');
      },
      /** Waits, then answers how many times it has run. */
      slow: async (_: unknown, args: { ms: number }) => {
        calls.slowRuns += 1;
        const run = calls.slowRuns;
        await sleep(args.ms);
        return run;
      },
    },
    Mutation: {
      bump: async (_: unknown, args: { ms: number }) => {
        calls.bumps += 1;
        const bump = calls.bumps;
        await sleep(args.ms);
        return bump;
      },
    },
    Customer: { friends: (_: unknown, args: { first: number | null }) => page(args.first) },
  },
});

export interface ToySubgraphs {
  supergraphSdl: string;
  /** SUBGRAPH_URLS value pointing at the running toy subgraphs. */
  subgraphUrls: string;
  calls: { authLookups: number; subgraphOperations: number; requestIds: string[]; tenantReferences: number; slowRuns: number; bumps: number };
  stop(): Promise<void>;
}

export async function startToySubgraphs(): Promise<ToySubgraphs> {
  const logger = pino({ level: 'silent' });
  calls.authLookups = 0;
  calls.subgraphOperations = 0;
  calls.requestIds = [];
  calls.tenantReferences = 0;
  calls.slowRuns = 0;
  calls.bumps = 0;
  const createContext = (internal: InternalContext) => {
    calls.subgraphOperations += 1;
    calls.requestIds.push(internal.requestId);
    return internal;
  };
  const common = { host: '127.0.0.1', port: 0, signingKey: SIGNING_KEY, logger, createContext, checkHealth: async () => true };
  const servers: RunningServer[] = [];
  servers.push(
    await startSubgraphServer({
      ...common,
      name: 'tenants',
      schema: tenantsSchema,
      routes: (app) =>
        app.post('/internal/auth/resolve', express.json(), async (req, res) => {
          calls.authLookups += 1;
          await sleep(20);
          const token: unknown = req.body?.token;
          const kind = token === TOKENS.user ? 'user' : token === TOKENS.apiKey ? 'api_key' : undefined;
          if (!kind) res.status(401).json({ code: 'UNAUTHENTICATED', message: 'Invalid or expired access token' });
          else res.json({ viewer: { kind, id: 'u1', tenantId: 't1', roles: ['tenant_admin'] }, expiresAt: Date.now() + 60_000 });
        }),
    }),
  );
  servers.push(await startSubgraphServer({ ...common, name: 'customers', schema: customersSchema }));

  const composed = composeServices([
    { name: 'tenants', typeDefs: tenantsSdl, url: 'http://127.0.0.1:1/graphql' },
    { name: 'customers', typeDefs: customersSdl, url: 'http://127.0.0.1:2/graphql' },
  ]);
  if (composed.errors) throw composed.errors[0];
  return {
    supergraphSdl: composed.supergraphSdl,
    subgraphUrls: `tenants=${servers[0].url},customers=${servers[1].url}`,
    calls,
    stop: async () => {
      await Promise.all(servers.map((server) => server.stop()));
    },
  };
}
