import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Node, toGlobalId } from '@dotmac/kernel';
import { AssigneeType, type IpAllocation } from './ip-allocation.entity.js';

@Directive('@key(fields: "id")')
@ObjectType('IpAllocation', { implements: Node, description: 'One address given to a device, an interface or a subscriber; released ones stay as history.' })
export class IpAllocationType extends Node {
  @Field(() => ID) declare id: string;
  rawId: string;
  poolId: string;
  assigneeId: string;
  @Field() address: string;
  @Field(() => AssigneeType) assigneeType: AssigneeType;
  @Field(() => String, { nullable: true }) description?: string;
  @Field({ description: 'Not released yet.' }) active: boolean;
  @Field() allocatedAt: Date;
  @Field(() => String, { nullable: true, description: 'Id of the user or API key that allocated it.' }) allocatedBy?: string;
  @Field(() => Date, { nullable: true }) releasedAt?: Date;
  @Field(() => String, { nullable: true, description: 'Id of the user or API key that released it.' }) releasedBy?: string;

  static from(row: IpAllocation): IpAllocationType {
    return Object.assign(new IpAllocationType(), {
      id: toGlobalId('IpAllocation', row.id),
      rawId: row.id,
      poolId: row.poolId,
      assigneeId: row.assigneeId,
      address: row.address,
      assigneeType: row.assigneeType,
      description: row.description ?? undefined,
      active: row.releasedAt == null,
      allocatedAt: row.allocatedAt,
      allocatedBy: row.allocatedBy ?? undefined,
      releasedAt: row.releasedAt ?? undefined,
      releasedBy: row.releasedBy ?? undefined,
    });
  }
}
