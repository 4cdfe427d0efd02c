import { Field, ID, InputType } from 'type-graphql';
import { Role } from '@dotmac/kernel';
import { UserStatus } from './user.entity.js';

@InputType()
export class CreateUserInput {
  @Field(() => ID, { nullable: true, description: 'Tenant the user belongs to; omit only for a platform admin.' })
  tenantId?: string;
  @Field() email: string;
  @Field({ description: 'At least 12 characters.' }) password: string;
  @Field() displayName: string;
  @Field(() => [Role]) roles: Role[];
  @Field(() => ID, { nullable: true, description: 'Required with the SUBSCRIBER role (held alone): the Subscriber this portal login belongs to.' })
  subscriberId?: string;
}

@InputType()
export class UpdateUserInput {
  @Field(() => ID) userId: string;
  @Field({ nullable: true }) displayName?: string;
  @Field(() => [Role], { nullable: true }) roles?: Role[];
  @Field(() => UserStatus, { nullable: true, description: 'DISABLED ends every session of the user at once.' })
  status?: UserStatus;
}

@InputType()
export class UserFilter {
  @Field(() => ID, { nullable: true, description: 'Platform admins: whose users (omit for platform admins).' })
  tenantId?: string;
  @Field(() => [Role], { nullable: true }) roles?: Role[];
  @Field(() => UserStatus, { nullable: true }) status?: UserStatus;
  @Field({ nullable: true }) search?: string;
}
