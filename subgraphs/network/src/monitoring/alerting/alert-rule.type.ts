import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Node, toGlobalId } from '@dotmac/kernel';
import { DeviceKind } from '../../device/device-kind.js';
import { AlertMetric, AlertOperator, AlertScopeKind, AlertSeverity } from './alerting-enums.js';
import type { AlertRule } from './alert-rule.entity.js';

@ObjectType({ description: 'Which devices a rule watches.' })
export class AlertRuleScope {
  @Field(() => AlertScopeKind) kind: AlertScopeKind;
  @Field(() => DeviceKind, { nullable: true }) deviceKind?: DeviceKind;
  siteId?: string;
  deviceId?: string;
}

@Directive('@key(fields: "id")')
@ObjectType('AlertRule', { implements: Node, description: 'A threshold on one telemetry metric, for the devices in its scope.' })
export class AlertRuleType extends Node {
  @Field(() => ID) declare id: string;
  rawId: string;
  tenantId: string;
  @Field() name: string;
  @Field(() => AlertMetric) metric: AlertMetric;
  @Field(() => AlertOperator) operator: AlertOperator;
  @Field(() => Float) threshold: number;
  @Field(() => Int, { description: 'Samples in a row that must violate before an incident opens, and recover before it resolves.' }) consecutiveViolations: number;
  @Field(() => Int, { description: 'After a resolution, the same rule and device do not reopen within this many seconds.' }) cooldownSeconds: number;
  @Field(() => AlertSeverity) severity: AlertSeverity;
  @Field(() => AlertRuleScope) scope: AlertRuleScope;
  @Field() enabled: boolean;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;

  static from(row: AlertRule): AlertRuleType {
    return Object.assign(new AlertRuleType(), {
      id: toGlobalId('AlertRule', row.id),
      rawId: row.id,
      tenantId: row.tenantId,
      name: row.name,
      metric: row.metric,
      operator: row.operator,
      threshold: row.threshold,
      consecutiveViolations: row.consecutiveViolations,
      cooldownSeconds: row.cooldownSeconds,
      severity: row.severity,
      scope: Object.assign(new AlertRuleScope(), {
        kind: row.scopeKind,
        deviceKind: row.scopeDeviceKind ?? undefined,
        siteId: row.scopeSiteId ?? undefined,
        deviceId: row.scopeDeviceId ?? undefined,
      }),
      enabled: row.enabled,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    });
  }
}
