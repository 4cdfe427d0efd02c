import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { TenantFiltered } from '@dotmac/kernel';

/** A block of IP space ("10.20.0.0/16", "2001:db8::/32"); prefixes nest, each inside its parent. */
@Entity({ tableName: 'ip_prefix' })
@TenantFiltered()
export class IpPrefix {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId: string;

  @Property({ type: 'string', columnType: 'cidr' })
  prefix: string;

  /** The smallest prefix that contains this one. */
  @Property({ type: 'uuid', nullable: true })
  parentId?: string | null;

  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
