import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateScalar, Node, toGlobalId, type LocalDate } from '@dotmac/kernel';
import { BillingRun, BillingRunStatus, BillingRunTrigger } from './billing-run.entity.js';

registerEnumType(BillingRunStatus, { name: 'BillingRunStatus' });
registerEnumType(BillingRunTrigger, { name: 'BillingRunTrigger' });

@ObjectType('BillingRun', { implements: Node, description: 'One pass that issued the subscription invoices of an ISP due by a date.' })
export class BillingRunType extends Node {
  @Field(() => ID) declare id: string;
  @Field(() => LocalDateScalar, { description: 'Every period starting on or before this date was billed.' }) asOf: LocalDate;
  @Field(() => BillingRunTrigger) trigger: BillingRunTrigger;
  @Field(() => BillingRunStatus) status: BillingRunStatus;
  @Field(() => Int) invoicesIssued: number;
  @Field() startedAt: Date;
  @Field(() => Date, { nullable: true }) finishedAt?: Date;
  @Field(() => String, { nullable: true }) error?: string;

  static from(row: BillingRun): BillingRunType {
    return Object.assign(new BillingRunType(), {
      id: toGlobalId('BillingRun', row.id),
      asOf: row.asOf,
      trigger: row.trigger,
      status: row.status,
      invoicesIssued: row.invoicesIssued,
      startedAt: row.startedAt,
      finishedAt: row.finishedAt,
      error: row.error,
    });
  }
}

@InputType()
export class RunBillingInput {
  @Field(() => ID, { nullable: true, description: 'Platform admins name the ISP.' }) tenantId?: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Bill every period starting on or before this date (default: today, UTC).' })
  asOf?: LocalDate;
}
