import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { estimateCost } from './cost-estimate.js';
import { limitExceeded } from './limit-error.js';
import { fragmentsOf } from './operation-fold.js';

/**
 * Rejects operations whose estimated cost exceeds `maxCost`, after validation and before any
 * subgraph is called. A plugin rather than a validation rule because the cost depends on the
 * request's variables, and Apollo caches validation per document, not per set of variables.
 */
export function costLimitPlugin<C extends BaseContext>(maxCost: number): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          if (!operation) return;
          const cost = estimateCost(operation, fragmentsOf(document), request.variables, schema);
          if (cost > maxCost) throw limitExceeded(`Query cost ${cost} exceeds the limit of ${maxCost}`, operation);
        },
      };
    },
  };
}
