import { randomUUID } from 'node:crypto';
import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { TenantFiltered, type LocalDate } from '@dotmac/kernel';

export enum ServiceState {
  ACTIVE = 'active',
  SUSPENDED = 'suspended',
  TERMINATED = 'terminated',
}

/**
 * A subscriber's network access for one billing subscription (or one an operator provisioned):
 * the RADIUS credentials, the speeds and an optional static IPv4 address. Its check and reply rows
 * in the `radius` schema are derived from it and rewritten whenever it changes.
 */
@Entity({ tableName: 'subscriber_service' })
@TenantFiltered()
export class Service {
  [OptionalProps]?: 'state' | 'activatedAt' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId: string;

  @Property({ type: 'uuid' })
  subscriberId: string;

  @Property({ type: 'uuid', nullable: true })
  subscriptionId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  planId?: string | null;

  /** Unique across all tenants: FreeRADIUS finds a user by name alone. */
  @Property({ type: 'text' })
  username: string;

  /** AES-256-GCM under NETWORK_CREDENTIALS_KEY, bound to `service:<id>:password`. */
  @Property({ type: 'text' })
  passwordSealed: string;

  @Property({ type: 'integer', nullable: true })
  downloadKbps?: number | null;

  @Property({ type: 'integer', nullable: true })
  uploadKbps?: number | null;

  @Property({ type: 'string', columnType: 'inet', nullable: true })
  staticIp?: string | null;

  @Property({ type: 'uuid', nullable: true })
  ipAllocationId?: string | null;

  @Enum({ items: () => ServiceState })
  state: ServiceState = ServiceState.ACTIVE;

  /** Last day of service when the subscription was cancelled ahead; terminated after it passes. */
  @Property({ type: 'date', nullable: true })
  endsOn?: LocalDate | null;

  @Property({ type: 'datetime' })
  activatedAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  suspendedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  terminatedAt?: Date | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/** The context a service password is sealed under: a sealed value copied to another row does not open. */
export const passwordContext = (serviceId: string): string => `service:${serviceId}:password`;
