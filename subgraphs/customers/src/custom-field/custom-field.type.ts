import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { toGlobalId } from '@dotmac/kernel';
import { CustomFieldType, type CustomFieldDefinition } from './custom-field-definition.entity.js';

registerEnumType(CustomFieldType, { name: 'CustomFieldType' });

@ObjectType('CustomFieldDefinition', { description: "A field an ISP adds to its subscribers. Key and type never change." })
export class CustomFieldDefinitionNode {
  @Field(() => ID) id: string;
  @Field({ description: 'Stable name used in imports and `setCustomFieldValues`.' }) key: string;
  @Field() label: string;
  @Field(() => CustomFieldType) type: CustomFieldType;
  @Field(() => [String], { description: 'The choices of a SELECT field; empty for the other types.' }) options: string[];
  @Field({ description: 'Every subscriber must have a value (checked whenever its custom fields are written).' }) required: boolean;
  @Field(() => Date, { nullable: true, description: 'Archived fields are hidden and accept no values.' }) archivedAt: Date | null;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;

  static from(row: CustomFieldDefinition): CustomFieldDefinitionNode {
    return Object.assign(new CustomFieldDefinitionNode(), {
      id: toGlobalId('CustomFieldDefinition', row.id),
      key: row.key,
      label: row.label,
      type: row.type,
      options: row.options,
      required: row.required,
      archivedAt: row.archivedAt,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    });
  }
}

@ObjectType('CustomFieldValue', { description: "A subscriber's value of one custom field." })
export class CustomFieldValueNode {
  @Field() key: string;
  @Field({ description: 'Canonical text: numbers as decimals, booleans true/false, dates YYYY-MM-DD, a SELECT option.' }) value: string;
  @Field(() => CustomFieldDefinitionNode) definition: CustomFieldDefinitionNode;

  static of(definition: CustomFieldDefinition, value: string): CustomFieldValueNode {
    return Object.assign(new CustomFieldValueNode(), { key: definition.key, value, definition: CustomFieldDefinitionNode.from(definition) });
  }
}
