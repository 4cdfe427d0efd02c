import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { AppError, fromGlobalId, hasAnyRole, isPlatformAdmin } from '@dotmac/kernel';
import { NETWORK_READERS } from '../../access/network-access.js';
import type { NetworkContext } from '../../context.js';
import { TenantStub } from '../../tenant/tenant.stub.js';

@Resolver(() => TenantStub)
export class TenantIncidentsResolver {
  @FieldResolver(() => Int, { description: 'Number of unresolved incidents of this ISP (batched across a page of tenants).' })
  async openIncidentCount(@Root() tenant: TenantStub, @Ctx() ctx: NetworkContext): Promise<number> {
    const { type, id } = fromGlobalId(tenant.id);
    if (type !== 'Tenant') throw AppError.badInput('Not a tenant id');
    const readable = isPlatformAdmin(ctx.viewer) || (ctx.viewer.tenantId === id && hasAnyRole(ctx.viewer, NETWORK_READERS));
    if (!readable) throw AppError.forbidden("Not allowed to read this tenant's incidents");
    return ctx.loaders.alerting.openIncidentCountByTenant.load(id);
  }
}
