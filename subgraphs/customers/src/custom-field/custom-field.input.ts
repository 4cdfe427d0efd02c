import { Field, ID, InputType } from 'type-graphql';
import { CustomFieldType } from './custom-field-definition.entity.js';

@InputType()
export class DefineCustomFieldInput {
  @Field(() => ID, { nullable: true, description: 'Platform admins name the ISP; ISP staff get their own.' }) tenantId?: string;
  @Field({ description: 'a–z, 0–9 and "_", starting with a letter; never changes.' }) key: string;
  @Field() label: string;
  @Field(() => CustomFieldType) type: CustomFieldType;
  @Field(() => [String], { nullable: true, description: 'Required for SELECT, refused for the other types.' }) options?: string[] | null;
  @Field(() => Boolean, { nullable: true, defaultValue: false }) required?: boolean | null;
}

@InputType({ description: 'Key and type never change; removing a SELECT option still in use is a CONFLICT.' })
export class UpdateCustomFieldDefinitionInput {
  @Field(() => ID) definitionId: string;
  @Field(() => String, { nullable: true }) label?: string | null;
  @Field(() => [String], { nullable: true }) options?: string[] | null;
  @Field(() => Boolean, { nullable: true }) required?: boolean | null;
}

@InputType()
export class ArchiveCustomFieldDefinitionInput {
  @Field(() => ID) definitionId: string;
}

@InputType()
export class CustomFieldValueInput {
  @Field() key: string;
  @Field(() => String, { nullable: true, description: 'Text as the field type expects it; null or empty clears the value.' }) value?: string | null;
}

@InputType()
export class SetCustomFieldValuesInput {
  @Field(() => ID) subscriberId: string;
  @Field(() => [CustomFieldValueInput]) values: CustomFieldValueInput[];
}
