export { composeFederationSupergraph, FEDERATION_SUBGRAPHS } from './compose.js';
export { startFederationSubgraphs, type RunningFederation } from './serve.js';
export { FEDERATION_CORPUS, type CorpusOperation } from './corpus.js';
export type { SubgraphDefinition } from './subgraph-definition.js';
