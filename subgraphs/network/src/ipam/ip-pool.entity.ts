import { randomUUID } from 'node:crypto';
import { ArrayType, Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { TenantFiltered } from '@dotmac/kernel';

/** A range of host addresses inside a prefix that addresses are allocated from. */
@Entity({ tableName: 'ip_pool' })
@TenantFiltered()
export class IpPool {
  [OptionalProps]?: 'reserved' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId: string;

  @Property({ type: 'uuid' })
  prefixId: string;

  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'string', columnType: 'inet' })
  startAddress: string;

  @Property({ type: 'string', columnType: 'inet' })
  endAddress: string;

  /** Never allocated. */
  @Property({ type: 'string', columnType: 'inet', nullable: true })
  gateway?: string | null;

  /** Never allocated either (e.g. a second router, a DNS resolver). */
  @Property({ type: ArrayType, columnType: 'inet[]' })
  reserved: string[] = [];

  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
