import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Node, toGlobalId } from '@dotmac/kernel';
import { InterfaceAdminStatus, InterfaceOperStatus, InterfaceType as Kind } from './interface-enums.js';
import type { NetworkInterface } from './interface.entity.js';

@Directive('@key(fields: "id")')
@ObjectType('NetworkInterface', { implements: Node, description: 'A port of a device.' })
export class InterfaceType extends Node {
  @Field(() => ID) declare id: string;
  rawId: string;
  deviceId: string;
  @Field({ description: 'Unique on its device, e.g. "ge-0/0/1".' }) name: string;
  @Field(() => Kind) type: Kind;
  @Field(() => String, { nullable: true, description: 'Lower-case, colon-separated.' }) macAddress?: string;
  @Field(() => Int, { nullable: true }) speedMbps?: number;
  @Field(() => InterfaceAdminStatus) adminStatus: InterfaceAdminStatus;
  @Field(() => InterfaceOperStatus) operStatus: InterfaceOperStatus;
  @Field(() => [String], { description: 'Configured addresses with prefix length, e.g. "10.0.0.1/24".' }) ipAddresses: string[];
  @Field(() => String, { nullable: true }) description?: string;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;

  static from(row: NetworkInterface): InterfaceType {
    return Object.assign(new InterfaceType(), {
      id: toGlobalId('NetworkInterface', row.id),
      rawId: row.id,
      deviceId: row.deviceId,
      name: row.name,
      type: row.type,
      macAddress: row.macAddress ?? undefined,
      speedMbps: row.speedMbps ?? undefined,
      adminStatus: row.adminStatus,
      operStatus: row.operStatus,
      ipAddresses: row.ipAddresses,
      description: row.description ?? undefined,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    });
  }
}
