import { Field, Float, ID, InputType } from 'type-graphql';

@InputType()
export class AddServiceAddressInput {
  @Field(() => ID) subscriberId: string;
  @Field() line1: string;
  @Field(() => String, { nullable: true }) line2?: string | null;
  @Field() city: string;
  @Field(() => String, { nullable: true }) region?: string | null;
  @Field(() => String, { nullable: true }) postalCode?: string | null;
  @Field({ description: 'ISO 3166-1 alpha-2, e.g. "US".' }) country: string;
  @Field(() => Float, { nullable: true }) latitude?: number | null;
  @Field(() => Float, { nullable: true }) longitude?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'A second primary address is a CONFLICT.' }) isPrimary?: boolean | null;
}

@InputType({ description: 'Omitted fields stay; null clears an optional one.' })
export class UpdateServiceAddressInput {
  @Field(() => ID) addressId: string;
  @Field(() => String, { nullable: true }) line1?: string | null;
  @Field(() => String, { nullable: true }) line2?: string | null;
  @Field(() => String, { nullable: true }) city?: string | null;
  @Field(() => String, { nullable: true }) region?: string | null;
  @Field(() => String, { nullable: true }) postalCode?: string | null;
  @Field(() => String, { nullable: true }) country?: string | null;
  @Field(() => Float, { nullable: true }) latitude?: number | null;
  @Field(() => Float, { nullable: true }) longitude?: number | null;
  @Field(() => Boolean, { nullable: true }) isPrimary?: boolean | null;
}

@InputType()
export class RemoveServiceAddressInput {
  @Field(() => ID) addressId: string;
}
