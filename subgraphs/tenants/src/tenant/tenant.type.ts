import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Node, toGlobalId } from '@dotmac/kernel';
import { DeploymentMode, PlanTier, Tenant, TenantStatus } from './tenant.entity.js';
import { allowedTransitions } from './tenant-lifecycle.js';

registerEnumType(PlanTier, { name: 'PlanTier', description: 'Commercial tier of an ISP on the platform.' });
registerEnumType(TenantStatus, { name: 'TenantStatus', description: 'Lifecycle state of an ISP tenant.' });
registerEnumType(DeploymentMode, { name: 'DeploymentMode', description: 'Pooled (shared services) or silo (own cell).' });

@Directive('@key(fields: "id")')
@ObjectType('Tenant', { implements: Node, description: 'An ISP running on DotMac.' })
export class TenantType extends Node {
  @Field(() => ID) declare id: string;
  @Field() slug: string;
  @Field() name: string;
  @Field(() => PlanTier) planTier: PlanTier;
  @Field(() => TenantStatus) status: TenantStatus;
  @Field(() => [TenantStatus], { description: 'States this tenant may move to next.' }) allowedTransitions: TenantStatus[];
  @Field(() => DeploymentMode) deploymentMode: DeploymentMode;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;

  static from(tenant: Tenant): TenantType {
    return Object.assign(new TenantType(), {
      id: toGlobalId('Tenant', tenant.id),
      slug: tenant.slug,
      name: tenant.name,
      planTier: tenant.planTier,
      status: tenant.status,
      allowedTransitions: [...allowedTransitions(tenant.status)],
      deploymentMode: tenant.deploymentMode,
      createdAt: tenant.createdAt,
      updatedAt: tenant.updatedAt,
    });
  }
}
