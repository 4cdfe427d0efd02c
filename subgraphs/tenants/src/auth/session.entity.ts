import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One refresh token. Refreshing replaces it with a new row of the same family; presenting a
 * replaced token again means it was stolen, and the whole family is revoked.
 */
@Entity({ tableName: 'session' })
export class Session {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  familyId: string;

  @Property({ type: 'uuid' })
  userId: string;

  @Property({ type: 'uuid', nullable: true })
  tenantId?: string;

  /** sha256 of the refresh token's secret part. */
  @Property({ type: 'text', unique: true })
  tokenHash: string;

  @Property({ type: 'datetime' })
  expiresAt: Date;

  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date;

  @Property({ type: 'uuid', nullable: true })
  replacedById?: string;

  @Property({ type: 'text', nullable: true })
  clientIp?: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
