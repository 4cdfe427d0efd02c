/** The operations `bench:federation` loads the gateways with. */
export interface BenchQuery {
  readonly key: 'nested' | 'single';
  readonly title: string;
  readonly query: string;
  /** The subgraph that answers it alone, for the direct run (single-subgraph queries only). */
  readonly subgraph?: string;
}

/**
 * Products with their stock and shipping (inventory, with @requires on products' price and
 * weight), their reviews (reviews) and each review's author with the author's other reviews
 * (accounts, then reviews again): four subgraphs, four levels of entity fetches, and the same
 * authors and products asked for from many places.
 */
export const NESTED_QUERY: BenchQuery = {
  key: 'nested',
  title: 'nested, four subgraphs',
  query: `query Nested {
  topProducts(first: 24) {
    upc name price inStock shippingEstimate
    reviews {
      id body rating
      author { id name username reviews { id rating product { upc name inStock } } }
    }
  }
}`,
};

export const SINGLE_QUERY: BenchQuery = {
  key: 'single',
  title: 'single subgraph',
  query: 'query Single { topProducts(first: 10) { upc name price weight kind tags } }',
  subgraph: 'products',
};
