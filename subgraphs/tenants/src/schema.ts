import { buildFederatedSchema, type ReferenceResolvers } from '@dotmac/kernel';
import { ApiKeyResolver } from './api-key/api-key.resolver.js';
import { AuditResolver } from './audit/audit.resolver.js';
import { AuthResolver } from './auth/auth.resolver.js';
import { NodeResolver } from './node/node.resolver.js';
import { SubscriberStub } from './subscriber/subscriber.stub.js';
import { BILLING_NODE_TYPES } from './billing/billing.stubs.js';
import { NETWORK_NODE_TYPES } from './network/network.stubs.js';
import { resolveTenantReference } from './tenant/tenant.reference.js';
import { ApiKeyTenantResolver, UserTenantResolver } from './tenant/tenant-of.resolver.js';
import { TenantResolver } from './tenant/tenant.resolver.js';
import { UserResolver } from './user/user.resolver.js';

/** The tenants subgraph schema (and its SDL, for composition). */
export function buildSchema() {
  return buildFederatedSchema({
    resolvers: [TenantResolver, UserResolver, AuthResolver, ApiKeyResolver, AuditResolver, NodeResolver, UserTenantResolver, ApiKeyTenantResolver],
    orphanedTypes: [SubscriberStub, ...Object.values(BILLING_NODE_TYPES), ...Object.values(NETWORK_NODE_TYPES)],
    references: { Tenant: resolveTenantReference } as unknown as ReferenceResolvers,
  });
}
