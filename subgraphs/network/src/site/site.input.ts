import { Field, Float, ID, InputType, registerEnumType } from 'type-graphql';
import { SortDirection } from '@dotmac/kernel';

@InputType()
export class CreateSiteInput {
  @Field(() => ID, { nullable: true, description: 'Platform admins name the ISP; ISP staff get their own.' }) tenantId?: string;
  @Field({ description: 'Unique within the ISP (case aside), 1–100 characters.' }) name: string;
  @Field(() => String, { nullable: true }) address?: string | null;
  @Field(() => Float, { nullable: true, description: '−90 to 90; give both coordinates or neither.' }) latitude?: number | null;
  @Field(() => Float, { nullable: true, description: '−180 to 180.' }) longitude?: number | null;
  @Field(() => String, { nullable: true }) description?: string | null;
}

@InputType()
export class UpdateSiteInput {
  @Field(() => ID, { nullable: true, description: 'Platform admins name the ISP.' }) tenantId?: string;
  @Field(() => ID) siteId: string;
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => String, { nullable: true, description: 'Null clears it.' }) address?: string | null;
  @Field(() => Float, { nullable: true, description: 'Null clears both coordinates.' }) latitude?: number | null;
  @Field(() => Float, { nullable: true }) longitude?: number | null;
  @Field(() => String, { nullable: true, description: 'Null clears it.' }) description?: string | null;
}

@InputType()
export class SiteFilter {
  @Field(() => String, { nullable: true, description: 'Case-insensitive match on name or address.' }) search?: string;
}

export enum SiteOrderField {
  NAME = 'name',
  CREATED_AT = 'createdAt',
}
registerEnumType(SiteOrderField, { name: 'SiteOrderField' });

@InputType()
export class SiteOrder {
  @Field(() => SiteOrderField) field: SiteOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC }) direction: SortDirection;
}
