import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Tenant is owned by the tenants subgraph; customers adds `subscribers` and `subscriberCount` to it. */
@Directive('@key(fields: "id")')
@ObjectType('Tenant')
export class TenantStub {
  @Field(() => ID) id: string;
}
