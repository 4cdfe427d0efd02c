import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateScalar, type LocalDate } from '@dotmac/kernel';
import { DunningAction, type DunningStep } from './dunning-policy.entity.js';
import type { EffectivePolicy } from './dunning-policy.service.js';

registerEnumType(DunningAction, { name: 'DunningAction' });

@ObjectType('DunningStep')
export class DunningStepType {
  @Field(() => Int, { description: 'Days after the grace period (0 = the first day after it).' }) daysAfterGrace: number;
  @Field(() => DunningAction) action: DunningAction;
}

@ObjectType('DunningPolicy', { description: 'How an ISP chases unpaid invoices.' })
export class DunningPolicyType {
  @Field(() => Int, { description: 'Days from issue to due date.' }) dueDays: number;
  @Field(() => Int, { description: 'Days after the due date before the first step.' }) graceDays: number;
  @Field(() => [DunningStepType]) steps: DunningStepType[];
  @Field({ description: 'False while the ISP runs on the defaults.' }) custom: boolean;

  static from(policy: EffectivePolicy): DunningPolicyType {
    return Object.assign(new DunningPolicyType(), {
      dueDays: policy.dueDays,
      graceDays: policy.graceDays,
      steps: policy.steps.map((step: DunningStep) => Object.assign(new DunningStepType(), step)),
      custom: policy.custom,
    });
  }
}

@InputType()
export class DunningStepInput {
  @Field(() => Int) daysAfterGrace: number;
  @Field(() => DunningAction) action: DunningAction;
}

@InputType()
export class SetDunningPolicyInput {
  @Field(() => ID, { nullable: true }) tenantId?: string;
  @Field(() => Int) dueDays: number;
  @Field(() => Int) graceDays: number;
  @Field(() => [DunningStepInput]) steps: DunningStepInput[];
}

@InputType()
export class RunDunningInput {
  @Field(() => ID, { nullable: true }) tenantId?: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Default: today (UTC).' }) asOf?: LocalDate;
}

@ObjectType('DunningOutcome')
export class DunningOutcomeType {
  @Field(() => Int) markedOverdue: number;
  @Field(() => Int) reminders: number;
  @Field(() => Int) suspended: number;
  @Field(() => Int) terminated: number;
}
