import { Field, ID, ObjectType } from 'type-graphql';
import { Node, Role, toGlobalId } from '@dotmac/kernel';
import { ApiKey } from './api-key.entity.js';

@ObjectType('ApiKey', { implements: Node, description: 'A partner integration credential. The secret is never shown again.' })
export class ApiKeyType extends Node {
  @Field(() => ID) declare id: string;
  @Field(() => ID) tenantId: string;
  @Field() name: string;
  @Field({ description: 'First characters of the key, to recognise it.' }) prefix: string;
  @Field(() => [Role]) roles: Role[];
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) expiresAt?: Date;
  @Field(() => Date, { nullable: true }) revokedAt?: Date;
  @Field(() => Date, { nullable: true }) lastUsedAt?: Date;

  static from(key: ApiKey): ApiKeyType {
    return Object.assign(new ApiKeyType(), {
      id: toGlobalId('ApiKey', key.id),
      tenantId: toGlobalId('Tenant', key.tenantId),
      name: key.name,
      prefix: `dmk_${key.id.replace(/-/g, '').slice(0, 8)}`,
      roles: key.roles,
      createdAt: key.createdAt,
      expiresAt: key.expiresAt,
      revokedAt: key.revokedAt,
      lastUsedAt: key.lastUsedAt,
    });
  }
}
