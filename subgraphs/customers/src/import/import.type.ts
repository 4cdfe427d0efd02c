import { Field, ID, Int, ObjectType } from 'type-graphql';
import { UserError } from '@dotmac/kernel';

@ObjectType({ description: 'What is wrong with one row of an import.' })
export class ImportRowError {
  @Field(() => Int, { description: 'Position of the row in `rows`, from 1.' }) line: number;
  @Field(() => [String], { nullable: true, description: 'Path of the row field at fault.' }) field?: string[];
  @Field() code: string;
  @Field() message: string;
}

@ObjectType()
export class ImportedSubscriber {
  @Field(() => Int) line: number;
  @Field(() => ID) subscriberId: string;
  @Field() accountNumber: string;
}

@ObjectType({ description: 'Either every row was imported, or none was and `rowErrors` lists every problem.' })
export class ImportSubscribersPayload {
  @Field(() => Int) importedCount: number;
  @Field(() => [ImportedSubscriber], { description: 'Each imported row with its subscriber, in row order.' }) imported: ImportedSubscriber[];
  @Field(() => [ImportRowError]) rowErrors: ImportRowError[];
  @Field(() => [UserError]) userErrors: UserError[];
}
