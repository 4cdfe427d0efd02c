import { GraphQLError, parse } from 'graphql';
import { ALL_REVIEWS, indexOf, REVIEW_COUNT, reviewAt, type ReviewRecord } from './data.js';
import type { SubgraphDefinition } from './subgraph-definition.js';

const typeDefs = parse(/* GraphQL */ `
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@external", "@provides"])

  type Query {
    review(id: ID!): Review
    latestReviews(first: Int = 10): [Review!]!
  }

  type Review @key(fields: "id") {
    id: ID!
    body: String!
    rating: Int
    editorNote: String
    "Refused (FORBIDDEN) for every 7th review."
    flagged: Boolean
    "Fails with an uncoded error for every 11th review."
    sentiment: String
    author: User @provides(fields: "username")
    product: Product
  }

  type User @key(fields: "id") {
    id: ID!
    username: String @external
    reviews: [Review!]!
  }

  type Product @key(fields: "upc") {
    upc: String!
    reviews: [Review!]!
    reviewCount: Int!
  }
`);

const reviewNumber = (review: ReviewRecord) => Number(review.id.slice(1));
const byAuthor = (id: string) => ALL_REVIEWS.filter((review) => review.authorId === id);
const byProduct = (upc: string) => ALL_REVIEWS.filter((review) => review.productUpc === upc);

/** Reviews r1…r400 linking users to products by formula; some fields fail on purpose. */
export const reviews: SubgraphDefinition = {
  name: 'reviews',
  typeDefs,
  resolvers: {
    Query: {
      review: (_: unknown, args: { id: string }) => {
        const index = indexOf(args.id, 'r', REVIEW_COUNT);
        return index === undefined ? null : reviewAt(index);
      },
      latestReviews: (_: unknown, args: { first: number }) => ALL_REVIEWS.slice(-Math.max(0, args.first)).reverse(),
    },
    Review: {
      __resolveReference: (reference: { id: string }) => {
        const index = indexOf(reference.id, 'r', REVIEW_COUNT);
        return index === undefined ? null : reviewAt(index);
      },
      flagged: (review: ReviewRecord) => {
        if (reviewNumber(review) % 7 === 0) throw new GraphQLError(`Review ${review.id} is under moderation`, { extensions: { code: 'FORBIDDEN' } });
        return reviewNumber(review) % 2 === 0;
      },
      sentiment: (review: ReviewRecord) => {
        if (reviewNumber(review) % 11 === 0) throw new Error(`sentiment model failed on ${review.id}`);
        return (review.rating ?? 0) >= 3 ? 'positive' : 'negative';
      },
      // The provided username lets the gateway skip accounts when only `username` is asked for.
      author: (review: ReviewRecord) => ({ id: review.authorId, username: `user${review.authorId.slice(1)}` }),
      product: (review: ReviewRecord) => ({ upc: review.productUpc }),
    },
    User: {
      __resolveReference: (reference: { id: string }) => reference,
      reviews: (user: { id: string }) => byAuthor(user.id),
    },
    Product: {
      __resolveReference: (reference: { upc: string }) => reference,
      reviews: (product: { upc: string }) => byProduct(product.upc),
      reviewCount: (product: { upc: string }) => byProduct(product.upc).length,
    },
  },
};
