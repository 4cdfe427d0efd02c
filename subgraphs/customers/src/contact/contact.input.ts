import { Field, ID, InputType } from 'type-graphql';
import { ContactRole } from './contact.entity.js';

@InputType()
export class AddContactInput {
  @Field(() => ID) subscriberId: string;
  @Field() name: string;
  @Field(() => ContactRole) role: ContactRole;
  @Field(() => String, { nullable: true, description: 'An email or a phone is required.' }) email?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
}

@InputType({ description: 'Omitted fields stay; null clears email or phone.' })
export class UpdateContactInput {
  @Field(() => ID) contactId: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => ContactRole, { nullable: true }) role?: ContactRole | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
}

@InputType()
export class RemoveContactInput {
  @Field(() => ID) contactId: string;
}
