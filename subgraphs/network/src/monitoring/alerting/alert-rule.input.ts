import { Field, Float, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { SortDirection } from '@dotmac/kernel';
import { DeviceKind } from '../../device/device-kind.js';
import { AlertMetric, AlertOperator, AlertScopeKind, AlertSeverity } from './alerting-enums.js';

@InputType({ description: 'Which devices a rule watches: all, one kind, one site, or one device.' })
export class AlertRuleScopeInput {
  @Field(() => AlertScopeKind) kind: AlertScopeKind;
  @Field(() => DeviceKind, { nullable: true, description: 'With DEVICE_KIND only.' }) deviceKind?: DeviceKind | null;
  @Field(() => ID, { nullable: true, description: 'With SITE only.' }) siteId?: string | null;
  @Field(() => ID, { nullable: true, description: 'With DEVICE only.' }) deviceId?: string | null;
}

@InputType()
export class CreateAlertRuleInput {
  @Field(() => ID, { nullable: true, description: 'Platform admins name the ISP; ISP staff get their own.' }) tenantId?: string;
  @Field({ description: '1–100 characters, unique within the ISP.' }) name: string;
  @Field(() => AlertMetric) metric: AlertMetric;
  @Field(() => AlertOperator) operator: AlertOperator;
  @Field(() => Float, { description: 'A finite number.' }) threshold: number;
  @Field(() => Int, { nullable: true, description: 'Samples in a row that must violate (and then recover); 1–1000, 1 when omitted.' }) consecutiveViolations?: number | null;
  @Field(() => Int, { nullable: true, description: 'Seconds after a resolution during which the same rule and device do not reopen; 0–604800, 0 when omitted.' }) cooldownSeconds?: number | null;
  @Field(() => AlertSeverity) severity: AlertSeverity;
  @Field(() => AlertRuleScopeInput, { nullable: true, description: 'All devices when omitted.' }) scope?: AlertRuleScopeInput | null;
  @Field(() => Boolean, { nullable: true, description: 'True when omitted.' }) enabled?: boolean | null;
}

@InputType({ description: 'Absent fields stay as they are.' })
export class UpdateAlertRuleInput {
  @Field(() => ID, { nullable: true, description: 'Platform admins name the ISP.' }) tenantId?: string;
  @Field(() => ID) ruleId: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => AlertMetric, { nullable: true }) metric?: AlertMetric | null;
  @Field(() => AlertOperator, { nullable: true }) operator?: AlertOperator | null;
  @Field(() => Float, { nullable: true }) threshold?: number | null;
  @Field(() => Int, { nullable: true }) consecutiveViolations?: number | null;
  @Field(() => Int, { nullable: true }) cooldownSeconds?: number | null;
  @Field(() => AlertSeverity, { nullable: true }) severity?: AlertSeverity | null;
  @Field(() => AlertRuleScopeInput, { nullable: true }) scope?: AlertRuleScopeInput | null;
  @Field(() => Boolean, { nullable: true }) enabled?: boolean | null;
}

@InputType()
export class DeleteAlertRuleInput {
  @Field(() => ID, { nullable: true, description: 'Platform admins name the ISP.' }) tenantId?: string;
  @Field(() => ID) ruleId: string;
}

@InputType()
export class AlertRuleFilter {
  @Field(() => Boolean, { nullable: true }) enabled?: boolean;
  @Field(() => [AlertMetric], { nullable: true }) metric?: AlertMetric[];
  @Field(() => [AlertSeverity], { nullable: true }) severity?: AlertSeverity[];
  @Field(() => String, { nullable: true, description: 'Case-insensitive match on the name.' }) search?: string;
}

export enum AlertRuleOrderField {
  NAME = 'name',
  CREATED_AT = 'createdAt',
}
registerEnumType(AlertRuleOrderField, { name: 'AlertRuleOrderField' });

@InputType()
export class AlertRuleOrder {
  @Field(() => AlertRuleOrderField) field: AlertRuleOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC }) direction: SortDirection;
}
