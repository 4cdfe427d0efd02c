import { Field, InputType } from 'type-graphql';
import { SortDirection } from '@dotmac/kernel';

/** Order of a list that is ordered by time only (notes, the change log). */
@InputType({ description: 'Order by time; DESC is newest first.' })
export class ChronologicalOrder {
  @Field(() => SortDirection, { defaultValue: SortDirection.DESC }) direction: SortDirection;
}
