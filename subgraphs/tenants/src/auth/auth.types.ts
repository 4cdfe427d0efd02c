import { Field, InputType, ObjectType } from 'type-graphql';
import { UserError } from '@dotmac/kernel';
import { UserType } from '../user/user.type.js';

@InputType()
export class LoginInput {
  @Field() email: string;
  @Field() password: string;
}

@InputType()
export class RefreshSessionInput {
  @Field() refreshToken: string;
}

@ObjectType({ description: 'Tokens of a session: a short-lived access token (JWT) and a refresh token.' })
export class SessionPayload {
  @Field(() => String, { nullable: true, description: 'Send as `Authorization: Bearer <token>`.' }) accessToken?: string;
  @Field(() => Date, { nullable: true }) accessTokenExpiresAt?: Date;
  @Field(() => String, { nullable: true, description: 'Single use: exchange it with refreshSession.' }) refreshToken?: string;
  @Field(() => UserType, { nullable: true }) user?: UserType;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType()
export class LogoutPayload {
  @Field({ description: 'Sessions ended.' }) endedSessions: number;
  @Field(() => [UserError]) userErrors: UserError[];
}
