import { parse } from 'graphql';
import { indexOf, range, USER_COUNT, userAt } from './data.js';
import type { SubgraphDefinition } from './subgraph-definition.js';

const typeDefs = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])

  type Query {
    me: User
    user(id: ID!): User
    users(first: Int = 10): [User!]!
  }

  type User @key(fields: "id") {
    id: ID!
    name: String!
    username: String @shareable
    birthDate: String
  }
`);

const userById = (id: string) => {
  const index = indexOf(id, 'u', USER_COUNT);
  return index === undefined ? null : userAt(index);
};

/** Users u1…u50; `me` is always u1. */
export const accounts: SubgraphDefinition = {
  name: 'accounts',
  typeDefs,
  resolvers: {
    Query: {
      me: () => userAt(1),
      user: (_: unknown, args: { id: string }) => userById(args.id),
      users: (_: unknown, args: { first: number }) => range(Math.min(args.first, USER_COUNT)).map(userAt),
    },
    User: { __resolveReference: (reference: { id: string }) => userById(reference.id) },
  },
};
