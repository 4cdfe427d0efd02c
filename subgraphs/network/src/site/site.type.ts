import { Directive, Field, Float, ID, ObjectType } from 'type-graphql';
import { Node, toGlobalId } from '@dotmac/kernel';
import type { Site } from './site.entity.js';

@Directive('@key(fields: "id")')
@ObjectType('Site', { implements: Node, description: 'A place equipment lives: a POP, a tower, a cabinet.' })
export class SiteType extends Node {
  @Field(() => ID) declare id: string;
  /** Raw id, for the fields resolved on this type. */
  rawId: string;
  tenantId: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) address?: string;
  @Field(() => Float, { nullable: true, description: 'Degrees north (−90 to 90), six decimals.' }) latitude?: number;
  @Field(() => Float, { nullable: true, description: 'Degrees east (−180 to 180), six decimals.' }) longitude?: number;
  @Field(() => String, { nullable: true }) description?: string;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;

  static from(row: Site): SiteType {
    return Object.assign(new SiteType(), {
      id: toGlobalId('Site', row.id),
      rawId: row.id,
      tenantId: row.tenantId,
      name: row.name,
      address: row.address ?? undefined,
      latitude: row.latitude == null ? undefined : Number(row.latitude),
      longitude: row.longitude == null ? undefined : Number(row.longitude),
      description: row.description ?? undefined,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    });
  }
}
