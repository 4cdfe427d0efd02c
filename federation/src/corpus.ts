/**
 * Operations over the four-subgraph supergraph, shared by the differential test and benchmarks.
 * Each one is deterministic: the same operation always gives the same answer.
 */
export interface CorpusOperation {
  readonly name: string;
  readonly query: string;
  readonly variables?: Readonly<Record<string, unknown>>;
  readonly operationName?: string;
}

const op = (name: string, query: string, variables?: Record<string, unknown>): CorpusOperation => ({ name, query, variables });

const reviewFields = /* GraphQL */ `
  fragment ReviewFields on Review { id body rating editorNote }
`;
const productCard = /* GraphQL */ `
  fragment ProductCard on Product { upc name price inStock shippingEstimate }
`;

export const FEDERATION_CORPUS: readonly CorpusOperation[] = [
  // Single subgraph
  op('me', '{ me { id name username birthDate } }'),
  op('users default page', '{ users { id name } }'),
  op('users with nulls', '{ users(first: 12) { id birthDate } }'),
  op('top products default', '{ topProducts { upc name price weight } }'),
  op('product by upc', '{ product(upc: "p26") { upc name price kind tags } }'),
  op('missing product', '{ product(upc: "p999") { upc name } }'),
  op('typename everywhere', '{ __typename topProducts(first: 2) { __typename upc brand { __typename name } } }'),
  op('enum and list with nulls', '{ topProducts(first: 6) { upc kind tags } }'),
  op('nullable list entries', '{ topProducts(first: 4) { upc related { upc name } } }'),
  op('review by id', '{ review(id: "r5") { id body rating editorNote } }'),
  op('missing review', '{ review(id: "r0") { id } }'),
  op('latest reviews', `{ latestReviews(first: 5) { ...ReviewFields } } ${reviewFields}`),
  // Keys: entities joined across two subgraphs
  op('products with stock', '{ topProducts(first: 8) { upc inStock stockLevel } }'),
  op('stock only', '{ topProducts(first: 3) { inStock } }'),
  op('reviews of a product', '{ product(upc: "p8") { name reviews { id body } reviewCount } }'),
  op('user reviews', '{ me { name reviews { id rating } } }'),
  op('review author full', '{ review(id: "r3") { author { id name birthDate } } }'),
  op('review product name', '{ latestReviews(first: 6) { id product { upc name price } } }'),
  // @requires
  op('shipping estimate', '{ topProducts(first: 15) { upc shippingEstimate } }'),
  op('shipping with price', '{ topProducts(first: 15) { upc price weight shippingEstimate } }'),
  op('shipping through reviews', '{ latestReviews(first: 8) { product { upc shippingEstimate } } }'),
  op('shipping null price', '{ product(upc: "p13") { price shippingEstimate } }'),
  // @provides
  op('provided username', '{ latestReviews(first: 10) { author { username } } }'),
  op('provided username and name', '{ latestReviews(first: 10) { author { id username name } } }'),
  op('provided inside entity', '{ topProducts(first: 3) { reviews { author { username } } } }'),
  // Interfaces and unions
  op('interface typename', '{ topProducts(first: 4) { details { __typename summary } } }'),
  op(
    'interface inline fragments',
    '{ topProducts(first: 6) { upc details { summary ... on BookDetails { pages isbn } ... on FurnitureDetails { material colors } } } }',
  ),
  op('union inline fragments', '{ search(term: "book 1") { __typename ... on Product { upc name inStock } ... on Brand { id name } } }'),
  op('union brand', '{ search(term: "Brand 3") { ... on Brand { name products { upc } } ... on Product { upc } } }'),
  op('union only one side', '{ search(term: "chair") { ... on Product { upc shippingEstimate } } }'),
  op(
    'union named fragments',
    `query Search($term: String!) { search(term: $term) { ...Hit } }
     fragment Hit on SearchResult { __typename ... on Product { ...ProductCard reviews { id } } ... on Brand { id } }
     ${productCard}`,
    { term: 'chair 1' },
  ),
  op('union empty', '{ search(term: "nothing") { __typename } }'),
  op('brand products with nulls', '{ brand(id: "b2") { name products(first: 6) { upc inStock } } }'),
  // Aliases
  op('aliases', '{ a: product(upc: "p1") { n: name p: price } b: product(upc: "p2") { n: name s: inStock } }'),
  op('aliases same field different args', '{ two: topProducts(first: 2) { upc } four: topProducts(first: 4) { upc name } }'),
  op('aliased entity fields', '{ topProducts(first: 3) { upc stock: inStock ship: shippingEstimate r: reviews { i: id } } }'),
  // Named fragments
  op('named fragments', `{ topProducts(first: 5) { ...ProductCard } } ${productCard}`),
  op(
    'nested named fragments',
    `{ me { ...UserBits } }
     fragment UserBits on User { id name reviews { ...ReviewFields product { ...ProductCard } } }
     ${reviewFields} ${productCard}`,
  ),
  // Variables, with and without defaults
  op('variables', 'query Top($n: Int!) { topProducts(first: $n) { upc name } }', { n: 3 }),
  op('variable default used', 'query Top($n: Int = 4) { topProducts(first: $n) { upc } }'),
  op('variable default overridden', 'query Top($n: Int = 4) { topProducts(first: $n) { upc } }', { n: 2 }),
  op('variables in entities', 'query P($upc: String!, $first: Int) { product(upc: $upc) { name brand { products(first: $first) { upc inStock } } } }', {
    upc: 'p10',
    first: 4,
  }),
  op('skip and include', 'query D($withStock: Boolean!, $skipReviews: Boolean = true) { topProducts(first: 3) { upc inStock @include(if: $withStock) reviews @skip(if: $skipReviews) { id } } }', {
    withStock: true,
  }),
  op('include false', 'query D($withStock: Boolean!) { topProducts(first: 3) { upc inStock @include(if: $withStock) } }', { withStock: false }),
  // Nested entities across three and four subgraphs
  op('three subgraphs', '{ topProducts(first: 5) { name inStock reviews { body author { name } } } }'),
  op(
    'four subgraphs',
    '{ topProducts(first: 4) { upc name shippingEstimate reviews { id author { name reviews { id product { upc name inStock } } } } } }',
  ),
  op('user to product stock', '{ users(first: 3) { name reviews { product { name inStock shippingEstimate } } } }'),
  op(
    'deep nesting',
    '{ me { reviews { product { reviews { author { reviews { product { upc inStock reviews { id } } } } } } } } }',
  ),
  op('back and forth', '{ review(id: "r10") { product { reviews { author { username name reviews { product { brand { name } } } } } } } }'),
  // Errors from a subgraph: partial data with paths
  op('coded error partial data', '{ latestReviews(first: 15) { id flagged } }'),
  op('coded error inside entities', '{ topProducts(first: 10) { upc reviews { id flagged } } }'),
  op('uncoded error masked', '{ latestReviews(first: 12) { id sentiment } }'),
  op('errors deep in entities', '{ me { reviews { id flagged sentiment product { name } } } }'),
  op('error on root field', '{ search(term: "") { __typename } }'),
  op('error with siblings', '{ me { name } search(term: "") { __typename } topProducts(first: 1) { upc } }'),
  // The same entity many times
  op('duplicate products', '{ me { reviews { product { upc name inStock } } } users(first: 5) { reviews { product { upc name } } } }'),
  op('duplicate users', '{ topProducts(first: 30) { reviews { author { id name } } } }'),
  op(
    'duplicates across aliases',
    '{ a: product(upc: "p5") { name inStock } b: product(upc: "p5") { name inStock } c: search(term: "chair 5") { ... on Product { upc inStock } } }',
  ),
  op('many entities', '{ topProducts(first: 100) { upc inStock shippingEstimate reviewCount } }'),
  // Introspection beside data (gateways answer it from their own schema)
  op('introspection beside data', '{ __schema { queryType { name } } topProducts(first: 1) { upc name } }'),
  op('type introspection', '{ __type(name: "Review") { name kind fields { name } } }'),
  // Operation names and selection of an operation
  { name: 'operation name picks one', query: 'query First { me { id } } query Second { topProducts(first: 1) { upc inStock } }', operationName: 'Second' },
];
