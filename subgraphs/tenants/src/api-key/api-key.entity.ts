import { randomUUID } from 'node:crypto';
import { ArrayType, Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { Role } from '@dotmac/kernel';

/** A credential for a partner integration: scoped to one tenant and some roles; the secret is kept hashed. */
@Entity({ tableName: 'api_key' })
export class ApiKey {
  [OptionalProps]?: 'roles' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId: string;

  @Property({ type: 'text' })
  name: string;

  /** sha256 of the secret part (the secret has 256 bits of entropy, so a fast hash is enough). */
  @Property({ type: 'text', hidden: true })
  secretHash: string;

  @Property({ type: ArrayType })
  roles: Role[] = [];

  @Property({ type: 'uuid', nullable: true })
  createdById?: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  expiresAt?: Date;

  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date;

  @Property({ type: 'datetime', nullable: true })
  lastUsedAt?: Date;
}
