import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { SortDirection } from '@dotmac/kernel';
import { PlanTier, TenantStatus } from './tenant.entity.js';

@InputType()
export class CreateTenantInput {
  @Field({ description: 'URL-safe unique name: 3–40 of a–z, 0–9 and "-".' }) slug: string;
  @Field() name: string;
  @Field(() => PlanTier, { nullable: true }) planTier?: PlanTier;
}

@InputType()
export class UpdateTenantInput {
  @Field(() => ID) tenantId: string;
  @Field({ nullable: true }) name?: string;
  @Field(() => PlanTier, { nullable: true }) planTier?: PlanTier;
}

@InputType()
export class TransitionTenantInput {
  @Field(() => ID) tenantId: string;
  @Field(() => TenantStatus) to: TenantStatus;
  @Field({ nullable: true, description: 'Why, kept in the audit log.' }) reason?: string;
}

@InputType()
export class TenantFilter {
  @Field(() => [TenantStatus], { nullable: true }) status?: TenantStatus[];
  @Field(() => [PlanTier], { nullable: true }) planTier?: PlanTier[];
  @Field({ nullable: true, description: 'Case-insensitive match on name or slug.' }) search?: string;
}

export enum TenantOrderField {
  NAME = 'name',
  SLUG = 'slug',
  CREATED_AT = 'createdAt',
}
registerEnumType(TenantOrderField, { name: 'TenantOrderField' });

@InputType()
export class TenantOrder {
  @Field(() => TenantOrderField) field: TenantOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC }) direction: SortDirection;
}
