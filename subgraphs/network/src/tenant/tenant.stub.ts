import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Tenant is owned by the tenants subgraph; network adds `deviceCount` to it. */
@Directive('@key(fields: "id")')
@ObjectType('Tenant')
export class TenantStub {
  @Field(() => ID) id: string;
}
