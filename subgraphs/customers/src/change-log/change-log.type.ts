import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType, toGlobalId } from '@dotmac/kernel';
import { ChangeAction, type ChangeLogEntry } from './change-log-entry.entity.js';

registerEnumType(ChangeAction, { name: 'SubscriberChangeAction' });

@ObjectType({ description: "One field's value before and after a change (null: no value)." })
export class FieldChange {
  @Field() field: string;
  @Field(() => String, { nullable: true }) oldValue: string | null;
  @Field(() => String, { nullable: true }) newValue: string | null;
}

@ObjectType('SubscriberChange', { description: 'One change to a subscriber or its details: who, when, what.' })
export class SubscriberChangeNode {
  @Field(() => ID) id: string;
  @Field(() => ChangeAction) action: ChangeAction;
  @Field({ description: 'user, api_key or system.' }) actorKind: string;
  @Field(() => ID, { nullable: true, description: 'Global id of the acting User or ApiKey; null for system changes.' }) actorId: string | null;
  @Field(() => [FieldChange]) changes: FieldChange[];
  @Field(() => ID, { nullable: true, description: 'Global id of the contact, address or custom field the change was about.' }) subjectId: string | null;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field() occurredAt: Date;

  static from(row: ChangeLogEntry): SubscriberChangeNode {
    const actorType = row.actorKind === 'api_key' ? 'ApiKey' : 'User';
    return Object.assign(new SubscriberChangeNode(), {
      id: toGlobalId('SubscriberChange', row.id),
      action: row.action,
      actorKind: row.actorKind,
      actorId: row.actorId && row.actorKind !== 'system' ? toGlobalId(actorType, row.actorId) : null,
      changes: row.changes.map((change) => Object.assign(new FieldChange(), change)),
      subjectId: row.subjectId,
      reason: row.reason,
      occurredAt: row.occurredAt,
    });
  }
}

export const SubscriberChangeConnection = connectionType(SubscriberChangeNode, 'SubscriberChange');

@InputType()
export class SubscriberChangeFilter {
  @Field(() => [ChangeAction], { nullable: true }) actions?: ChangeAction[];
}
