import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateScalar, Node, toGlobalId, type LocalDate } from '@dotmac/kernel';
import { SubscriberStub } from '../subscriber/subscriber.stub.js';
import { ServiceState, type Service } from './service.entity.js';

registerEnumType(ServiceState, {
  name: 'ServiceState',
  description: 'ACTIVE: the plan; SUSPENDED: the ISP\'s suspension profile (delinquent); TERMINATED: rejected, address released.',
});

@Directive('@key(fields: "id")')
@ObjectType('Service', { implements: Node, description: "A subscriber's network access: RADIUS credentials, speeds, static address." })
export class ServiceType extends Node {
  @Field(() => ID) declare id: string;
  rawId: string;
  tenantId: string;
  @Field(() => SubscriberStub) subscriber: SubscriberStub;
  @Field(() => ID, { nullable: true, description: "Billing's Subscription this service delivers (none when provisioned by hand without one)." }) subscriptionId?: string;
  @Field(() => ID, { nullable: true, description: "Billing's ServicePlan the speeds came from." }) planId?: string;
  @Field({ description: 'The RADIUS User-Name; unique across the platform.' }) username: string;
  @Field(() => Int, { nullable: true, description: 'kbit/s; null is unlimited.' }) downloadKbps?: number;
  @Field(() => Int, { nullable: true, description: 'kbit/s; null is unlimited.' }) uploadKbps?: number;
  @Field(() => String, { nullable: true, description: 'Sent as Framed-IP-Address.' }) staticIp?: string;
  @Field(() => ServiceState) state: ServiceState;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day of service of a cancelled subscription; terminated after it.' }) endsOn?: LocalDate;
  @Field() activatedAt: Date;
  @Field(() => Date, { nullable: true }) suspendedAt?: Date;
  @Field(() => Date, { nullable: true }) terminatedAt?: Date;
  @Field() updatedAt: Date;

  static from(row: Service): ServiceType {
    return Object.assign(new ServiceType(), {
      id: toGlobalId('Service', row.id),
      rawId: row.id,
      tenantId: row.tenantId,
      subscriber: Object.assign(new SubscriberStub(), { id: toGlobalId('Subscriber', row.subscriberId) }),
      subscriptionId: row.subscriptionId ? toGlobalId('Subscription', row.subscriptionId) : undefined,
      planId: row.planId ? toGlobalId('ServicePlan', row.planId) : undefined,
      username: row.username,
      downloadKbps: row.downloadKbps ?? undefined,
      uploadKbps: row.uploadKbps ?? undefined,
      staticIp: row.staticIp ?? undefined,
      state: row.state,
      endsOn: row.endsOn ?? undefined,
      activatedAt: row.activatedAt,
      suspendedAt: row.suspendedAt ?? undefined,
      terminatedAt: row.terminatedAt ?? undefined,
      updatedAt: row.updatedAt,
    });
  }
}
