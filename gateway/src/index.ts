export { readGatewayConfig, type GatewayConfig, type OperationLimits } from './config.js';
export { startGateway, type RunningGateway, type StartGatewayOptions } from './server.js';
export type { GatewayContext } from './auth/gateway-context.js';
export { estimateCost } from './limits/cost-estimate.js';
export { aliasLimitRule, depthLimitRule, operationAliases, operationDepth } from './limits/shape-limit.rules.js';
export { fragmentsOf } from './limits/operation-fold.js';
