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
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => SubscriberType) type: SubscriberType;
  @Field(() => SubscriberStatus, { description: 'DELINQUENT is set and cleared by billing only.' }) status: SubscriberStatus;
  @Field(() => TenantStub, { description: 'The ISP this subscriber belongs to.' }) tenant: TenantStub;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
  /** Raw ids, for the field resolvers of the subscriber's details. */
  subscriberId: string;
  tenantId: string;

  static from(row: Subscriber): SubscriberNode {
    return Object.assign(new SubscriberNode(), {
      id: toGlobalId('Subscriber', row.id),
      accountNumber: row.accountNumber,
      name: row.name,
      email: row.email ?? null,
      phone: row.phone ?? null,
      type: row.type,
      status: row.status,
      tenant: Object.assign(new TenantStub(), { id: toGlobalId('Tenant', row.tenantId) }),
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      subscriberId: row.id,
      tenantId: row.tenantId,
    });
  }
}
