import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Node, Role, toGlobalId } from '@dotmac/kernel';
import { User, UserStatus } from './user.entity.js';

registerEnumType(Role, { name: 'Role', description: 'What a user or API key may do.' });
registerEnumType(UserStatus, { name: 'UserStatus' });

@ObjectType('User', { implements: Node, description: 'Someone who logs in to DotMac.' })
export class UserType extends Node {
  @Field(() => ID) declare id: string;
  @Field(() => ID, { nullable: true, description: 'Global id of the tenant; null for platform admins.' }) tenantId?: string;
  @Field() email: string;
  @Field() displayName: string;
  @Field(() => [Role]) roles: Role[];
  @Field(() => ID, { nullable: true, description: 'Portal logins: the global id of their Subscriber.' }) subscriberId?: string;
  @Field(() => UserStatus) status: UserStatus;
  @Field(() => Date, { nullable: true }) lastLoginAt?: Date;
  @Field() createdAt: Date;

  static from(user: User): UserType {
    return Object.assign(new UserType(), {
      id: toGlobalId('User', user.id),
      tenantId: user.tenantId ? toGlobalId('Tenant', user.tenantId) : undefined,
      email: user.email,
      displayName: user.displayName,
      roles: user.roles,
      subscriberId: user.subscriberId ? toGlobalId('Subscriber', user.subscriberId) : undefined,
      status: user.status,
      lastLoginAt: user.lastLoginAt,
      createdAt: user.createdAt,
    });
  }
}
