import { randomUUID } from 'node:crypto';
import { Entity, Filter, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { TENANT_FILTER } from '@dotmac/kernel';

/** Where a subscriber is served. At most one per subscriber is the primary service address. */
@Entity({ tableName: 'service_address' })
@Filter({ name: TENANT_FILTER, default: true, cond: (args: { tenantId?: string }) => (args?.tenantId ? { tenantId: args.tenantId } : {}) })
@Index({ properties: ['subscriberId', 'createdAt', 'id'] })
export class ServiceAddress {
  [OptionalProps]?: 'line2' | 'region' | 'postalCode' | 'latitude' | 'longitude' | 'isPrimary' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId: string;

  @Property({ type: 'uuid' })
  subscriberId: string;

  @Property({ type: 'text' })
  line1: string;

  @Property({ type: 'text', nullable: true })
  line2: string | null = null;

  @Property({ type: 'text' })
  city: string;

  @Property({ type: 'text', nullable: true })
  region: string | null = null;

  @Property({ type: 'text', nullable: true })
  postalCode: string | null = null;

  /** ISO 3166-1 alpha-2. */
  @Property({ type: 'text' })
  country: string;

  @Property({ type: 'double', nullable: true })
  latitude: number | null = null;

  @Property({ type: 'double', nullable: true })
  longitude: number | null = null;

  @Property({ type: 'boolean' })
  isPrimary: boolean = false;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
