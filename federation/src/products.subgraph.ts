import { GraphQLError, parse } from 'graphql';
import { BRAND_COUNT, brandAt, indexOf, PRODUCT_COUNT, productAt, range, type ProductRecord } from './data.js';
import type { SubgraphDefinition } from './subgraph-definition.js';

const typeDefs = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

  type Query {
    topProducts(first: Int = 5): [Product!]!
    product(upc: String!): Product
    search(term: String!): [SearchResult!]!
    brand(id: ID!): Brand
  }

  enum ProductKind { BOOK FURNITURE }

  type Product @key(fields: "upc") {
    upc: String!
    name: String!
    price: Int
    weight: Int
    kind: ProductKind!
    tags: [String]
    brand: Brand!
    details: ProductDetails!
    related: [Product]
  }

  interface ProductDetails { summary: String! }
  type BookDetails implements ProductDetails { summary: String! pages: Int! isbn: String }
  type FurnitureDetails implements ProductDetails { summary: String! material: String! colors: [String] }

  type Brand { id: ID! name: String! products(first: Int = 3): [Product] }

  union SearchResult = Product | Brand
`);

const productByUpc = (upc: string) => {
  const index = indexOf(upc, 'p', PRODUCT_COUNT);
  return index === undefined ? null : productAt(index);
};

const details = (product: ProductRecord) => {
  const index = Number(product.upc.slice(1));
  return product.kind === 'BOOK'
    ? { __typename: 'BookDetails', summary: `A book of ${100 + index} pages`, pages: 100 + index, isbn: index % 4 === 0 ? null : `978-${index}` }
    : { __typename: 'FurnitureDetails', summary: `A chair in ${index % 3 === 0 ? 'oak' : 'steel'}`, material: index % 3 === 0 ? 'oak' : 'steel', colors: ['black', index % 5 === 0 ? null : 'white'] };
};

/** Products p1…p200 (even: books, odd: chairs) of brands b1…b10; `search` matches names and brands. */
export const products: SubgraphDefinition = {
  name: 'products',
  typeDefs,
  resolvers: {
    Query: {
      topProducts: (_: unknown, args: { first: number }) => range(Math.min(args.first, PRODUCT_COUNT)).map(productAt),
      product: (_: unknown, args: { upc: string }) => productByUpc(args.upc),
      brand: (_: unknown, args: { id: string }) => {
        const index = indexOf(args.id, 'b', BRAND_COUNT);
        return index === undefined ? null : brandAt(index);
      },
      search: (_: unknown, args: { term: string }) => {
        if (args.term.length === 0) throw new GraphQLError('A search term is required', { extensions: { code: 'BAD_USER_INPUT' } });
        const term = args.term.toLowerCase();
        const brands = range(BRAND_COUNT).map(brandAt).filter((brand) => brand.name.toLowerCase() === term);
        const matches = range(PRODUCT_COUNT).map(productAt).filter((product) => product.name.toLowerCase().startsWith(term));
        return [...brands, ...matches.slice(0, 8)];
      },
    },
    SearchResult: { __resolveType: (value: object) => ('upc' in value ? 'Product' : 'Brand') },
    ProductDetails: { __resolveType: (value: { __typename: string }) => value.__typename },
    Product: {
      __resolveReference: (reference: { upc: string }) => productByUpc(reference.upc),
      brand: (product: ProductRecord) => brandAt(Number(product.brandId.slice(1))),
      details,
      // Every third slot points past the catalogue and resolves to null.
      related: (product: ProductRecord) => {
        const index = Number(product.upc.slice(1));
        return [index + 1, index + 2, index + PRODUCT_COUNT].map((related) => productByUpc(`p${related}`));
      },
    },
    Brand: {
      products: (brand: { id: string }, args: { first: number }) => {
        const brandIndex = Number(brand.id.slice(1));
        return range(args.first).map((slot) => productByUpc(`p${slot % 3 === 0 ? 0 : brandIndex + (slot - 1) * BRAND_COUNT}`));
      },
    },
  },
};
