import { Field, Float, ID, ObjectType } from 'type-graphql';
import { toGlobalId } from '@dotmac/kernel';
import type { ServiceAddress } from './service-address.entity.js';

@ObjectType('ServiceAddress', { description: 'Where a subscriber is served.' })
export class ServiceAddressNode {
  @Field(() => ID) id: string;
  @Field() line1: string;
  @Field(() => String, { nullable: true }) line2: string | null;
  @Field() city: string;
  @Field(() => String, { nullable: true }) region: string | null;
  @Field(() => String, { nullable: true }) postalCode: string | null;
  @Field({ description: 'ISO 3166-1 alpha-2 country code.' }) country: string;
  @Field(() => Float, { nullable: true, description: 'Degrees, -90 to 90.' }) latitude: number | null;
  @Field(() => Float, { nullable: true, description: 'Degrees, -180 to 180.' }) longitude: number | null;
  @Field({ description: 'At most one address of a subscriber is primary.' }) isPrimary: boolean;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;

  static from(row: ServiceAddress): ServiceAddressNode {
    return Object.assign(new ServiceAddressNode(), {
      id: toGlobalId('ServiceAddress', row.id),
      line1: row.line1,
      line2: row.line2,
      city: row.city,
      region: row.region,
      postalCode: row.postalCode,
      country: row.country,
      latitude: row.latitude,
      longitude: row.longitude,
      isPrimary: row.isPrimary,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    });
  }
}
