import { Field, ID, InputType, Int } from 'type-graphql';

@InputType()
export class CreditNoteLineInput {
  @Field(() => ID) invoiceLineId: string;
  @Field(() => Int, { description: 'Net minor units to credit (before tax), at most what is left on the line.' }) amount: number;
}

@InputType({ description: 'Give either lines or whole: true.' })
export class IssueCreditNoteInput {
  @Field(() => ID, { nullable: true, description: 'Platform admins name the ISP.' }) tenantId?: string;
  @Field(() => ID) invoiceId: string;
  @Field() reason: string;
  @Field(() => [CreditNoteLineInput], { nullable: true }) lines?: CreditNoteLineInput[];
  @Field(() => Boolean, { nullable: true, description: 'Credit everything still creditable on every line.' }) whole?: boolean;
}

@InputType()
export class CreditNoteFilter {
  @Field(() => ID, { nullable: true }) subscriberId?: string;
  @Field(() => ID, { nullable: true }) invoiceId?: string;
}
