import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Node, toGlobalId } from '@dotmac/kernel';
import type { IpPool } from './ip-pool.entity.js';
import { rangeSize } from './ip-range.js';

@Directive('@key(fields: "id")')
@ObjectType('IpPool', { implements: Node, description: 'A range of host addresses inside a prefix that addresses are allocated from.' })
export class IpPoolType extends Node {
  @Field(() => ID) declare id: string;
  rawId: string;
  prefixId: string;
  @Field() name: string;
  @Field() startAddress: string;
  @Field() endAddress: string;
  @Field(() => String, { nullable: true, description: 'Never allocated.' }) gateway?: string;
  @Field(() => [String], { description: 'Never allocated.' }) reserved: string[];
  @Field({ description: 'Addresses from start to end, as a decimal string (IPv6 pools exceed any Int).' }) size: string;
  @Field(() => String, { nullable: true }) description?: string;
  @Field() createdAt: Date;

  static from(row: IpPool): IpPoolType {
    return Object.assign(new IpPoolType(), {
      id: toGlobalId('IpPool', row.id),
      rawId: row.id,
      prefixId: row.prefixId,
      name: row.name,
      startAddress: row.startAddress,
      endAddress: row.endAddress,
      gateway: row.gateway ?? undefined,
      reserved: row.reserved,
      size: rangeSize(row.startAddress, row.endAddress).toString(),
      description: row.description ?? undefined,
      createdAt: row.createdAt,
    });
  }
}
