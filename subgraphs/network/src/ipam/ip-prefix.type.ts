import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Node, toGlobalId } from '@dotmac/kernel';
import type { IpPrefix } from './ip-prefix.entity.js';

@Directive('@key(fields: "id")')
@ObjectType('IpPrefix', { implements: Node, description: 'A block of IP space; prefixes nest, each inside its parent.' })
export class IpPrefixType extends Node {
  @Field(() => ID) declare id: string;
  rawId: string;
  parentId?: string;
  @Field({ description: 'CIDR, e.g. "100.64.0.0/16".' }) prefix: string;
  @Field(() => Int, { description: '4 or 6.' }) family: number;
  @Field(() => String, { nullable: true }) description?: string;
  @Field() createdAt: Date;

  static from(row: IpPrefix): IpPrefixType {
    return Object.assign(new IpPrefixType(), {
      id: toGlobalId('IpPrefix', row.id),
      rawId: row.id,
      parentId: row.parentId ?? undefined,
      prefix: row.prefix,
      family: row.prefix.includes(':') ? 6 : 4,
      description: row.description ?? undefined,
      createdAt: row.createdAt,
    });
  }
}
