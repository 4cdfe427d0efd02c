import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Node, toGlobalId } from '@dotmac/kernel';
import { Subscriber, SubscriberStatus, SubscriberType } from './subscriber.entity.js';
import { TenantStub } from '../tenant/tenant.stub.js';

registerEnumType(SubscriberType, { name: 'SubscriberType' });
registerEnumType(SubscriberStatus, { name: 'SubscriberStatus' });

@Directive('@key(fields: "id")')
@ObjectType('Subscriber', { implements: Node, description: "An ISP's customer." })
export class SubscriberNode extends Node {
  @Field(() => ID) declare id: string;
  @Field({ description: 'Unique within the ISP.' }) accountNumber: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) email?: string;
  @Field(() => SubscriberType) type: SubscriberType;
  @Field(() => SubscriberStatus) status: SubscriberStatus;
  @Field(() => TenantStub, { description: 'The ISP this subscriber belongs to.' }) tenant: TenantStub;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;

  static from(row: Subscriber): SubscriberNode {
    return Object.assign(new SubscriberNode(), {
      id: toGlobalId('Subscriber', row.id),
      accountNumber: row.accountNumber,
      name: row.name,
      email: row.email,
      type: row.type,
      status: row.status,
      tenant: Object.assign(new TenantStub(), { id: toGlobalId('Tenant', row.tenantId) }),
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    });
  }
}

