import { parse } from 'graphql';
import { indexOf, PRODUCT_COUNT } from './data.js';
import type { SubgraphDefinition } from './subgraph-definition.js';

const typeDefs = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@external", "@requires"])

  type Product @key(fields: "upc") {
    upc: String!
    price: Int @external
    weight: Int @external
    inStock: Boolean!
    stockLevel: Int
    shippingEstimate: Int @requires(fields: "price weight")
  }
`);

interface ProductReference { upc: string; price?: number | null; weight?: number | null }

const indexOfUpc = (upc: string) => indexOf(upc, 'p', PRODUCT_COUNT) ?? 0;

/** Stock of every product, and a shipping estimate that needs the products subgraph's price and weight. */
export const inventory: SubgraphDefinition = {
  name: 'inventory',
  typeDefs,
  resolvers: {
    Product: {
      __resolveReference: (reference: ProductReference) => reference,
      inStock: (product: ProductReference) => indexOfUpc(product.upc) % 4 !== 0,
      stockLevel: (product: ProductReference) => {
        const index = indexOfUpc(product.upc);
        return index % 6 === 0 ? null : (index * 17) % 90;
      },
      // Free shipping above 1000 or when the price is unknown; otherwise half the weight, rounded up.
      shippingEstimate: (product: ProductReference) => {
        if (product.price === undefined || product.weight === undefined) throw new Error('price and weight are required');
        if (product.price === null || product.price > 1000) return 0;
        return Math.ceil((product.weight ?? 0) / 2);
      },
    },
  },
};
