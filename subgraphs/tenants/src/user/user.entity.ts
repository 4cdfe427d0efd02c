import { randomUUID } from 'node:crypto';
import { ArrayType, Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { Role } from '@dotmac/kernel';

export enum UserStatus {
  ACTIVE = 'active',
  DISABLED = 'disabled',
}

/** A person who logs in. Platform admins have no tenant; everyone else belongs to exactly one. */
@Entity({ tableName: 'app_user' })
export class User {
  [OptionalProps]?: 'roles' | 'status' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid', nullable: true })
  tenantId?: string;

  /** Stored lower-case; unique across the platform (login does not ask for a tenant). */
  @Property({ type: 'text', unique: true })
  email: string;

  @Property({ type: 'text' })
  displayName: string;

  @Property({ type: 'text', hidden: true, lazy: true })
  passwordHash: string;

  /** Subscriber-portal users: which subscriber (customers subgraph) this login belongs to. */
  @Property({ type: 'uuid', nullable: true })
  subscriberId?: string;

  @Property({ type: ArrayType })
  roles: Role[] = [];

  @Enum({ items: () => UserStatus })
  status: UserStatus = UserStatus.ACTIVE;

  @Property({ type: 'datetime', nullable: true })
  lastLoginAt?: Date;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
