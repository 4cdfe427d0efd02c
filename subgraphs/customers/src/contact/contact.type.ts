import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { toGlobalId } from '@dotmac/kernel';
import { ContactRole, type Contact } from './contact.entity.js';

registerEnumType(ContactRole, { name: 'ContactRole' });

@ObjectType('SubscriberContact', { description: "A person to reach about a subscriber's account." })
export class ContactNode {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => ContactRole, { description: 'At most one contact of a subscriber is PRIMARY.' }) role: ContactRole;
  @Field(() => String, { nullable: true }) email: string | null;
  @Field(() => String, { nullable: true }) phone: string | null;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;

  static from(row: Contact): ContactNode {
    return Object.assign(new ContactNode(), {
      id: toGlobalId('SubscriberContact', row.id),
      name: row.name,
      role: row.role,
      email: row.email,
      phone: row.phone,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    });
  }
}
