import { randomUUID } from 'node:crypto';
import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

export enum PlanTier {
  STARTER = 'starter',
  GROWTH = 'growth',
  ENTERPRISE = 'enterprise',
}

export enum TenantStatus {
  PENDING = 'pending',
  PROVISIONING = 'provisioning',
  ACTIVE = 'active',
  SUSPENDED = 'suspended',
  CANCELLED = 'cancelled',
}

export enum DeploymentMode {
  POOLED = 'pooled',
  SILO = 'silo',
}

/** An ISP running on the platform. Its own id is its tenant id (RLS keys on `id`). */
@Entity({ tableName: 'tenant' })
export class Tenant {
  [OptionalProps]?: 'planTier' | 'status' | 'deploymentMode' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text', unique: true })
  slug: string;

  @Property({ type: 'text' })
  name: string;

  @Enum({ items: () => PlanTier })
  planTier: PlanTier = PlanTier.STARTER;

  @Enum({ items: () => TenantStatus })
  status: TenantStatus = TenantStatus.PENDING;

  @Enum({ items: () => DeploymentMode })
  deploymentMode: DeploymentMode = DeploymentMode.POOLED;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
