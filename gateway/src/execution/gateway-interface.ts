import type { ApolloServerOptionsWithGateway } from '@apollo/server';

/** The contract between Apollo Server and a gateway, as Apollo Server itself declares it. */
export type GatewayInterface = ApolloServerOptionsWithGateway<never>['gateway'];
export type GatewayLoadResult = Awaited<ReturnType<GatewayInterface['load']>>;
export type GatewayExecutor = NonNullable<GatewayLoadResult['executor']>;
export type GatewayRequestContext = Parameters<GatewayExecutor>[0];
export type GatewayExecutionResult = Awaited<ReturnType<GatewayExecutor>>;
export type SchemaLoadOrUpdateCallback = Parameters<GatewayInterface['onSchemaLoadOrUpdate']>[0];
