import { randomUUID } from 'node:crypto';
import { Entity, Filter, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { TENANT_FILTER } from '@dotmac/kernel';

/** A staff note on a subscriber. Append-only: the database refuses updates and deletes. */
@Entity({ tableName: 'subscriber_note' })
@Filter({ name: TENANT_FILTER, default: true, cond: (args: { tenantId?: string }) => (args?.tenantId ? { tenantId: args.tenantId } : {}) })
@Index({ properties: ['subscriberId', 'createdAt', 'id'] })
export class Note {
  [OptionalProps]?: 'authorId' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId: string;

  @Property({ type: 'uuid' })
  subscriberId: string;

  @Property({ type: 'text' })
  body: string;

  /** Viewer kind of the author: user or api_key. */
  @Property({ type: 'text' })
  authorKind: string;

  @Property({ type: 'text', nullable: true })
  authorId: string | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
