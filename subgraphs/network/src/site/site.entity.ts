import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { TenantFiltered } from '@dotmac/kernel';

/** A place equipment lives: a POP, a tower, a cabinet, a customer premises cluster. */
@Entity({ tableName: 'site' })
@TenantFiltered()
export class Site {
  [OptionalProps]?: 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId: string;

  /** Unique per tenant, case aside. */
  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'text', nullable: true })
  address?: string | null;

  /** Degrees, six decimals (about 0.1 m), as text to keep them exact. */
  @Property({ type: 'decimal', columnType: 'numeric(9,6)', nullable: true })
  latitude?: string | null;

  @Property({ type: 'decimal', columnType: 'numeric(9,6)', nullable: true })
  longitude?: string | null;

  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
