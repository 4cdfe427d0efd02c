import { randomUUID } from 'node:crypto';
import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { TenantFiltered } from '@dotmac/kernel';
import { DeviceKind } from '../../device/device-kind.js';
import { AlertMetric, AlertOperator, AlertScopeKind, AlertSeverity } from './alerting-enums.js';

/** A threshold an ISP watches on one telemetry metric, for the devices in its scope. */
@Entity({ tableName: 'alert_rule' })
@TenantFiltered()
export class AlertRule {
  [OptionalProps]?: 'enabled' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId: string;

  @Property({ type: 'text' })
  name: string;

  @Enum({ items: () => AlertMetric })
  metric: AlertMetric;

  @Enum({ items: () => AlertOperator })
  operator: AlertOperator;

  @Property({ type: 'double' })
  threshold: number;

  @Property({ type: 'integer' })
  consecutiveViolations: number;

  @Property({ type: 'integer' })
  cooldownSeconds: number;

  @Enum({ items: () => AlertSeverity })
  severity: AlertSeverity;

  @Enum({ items: () => AlertScopeKind })
  scopeKind: AlertScopeKind;

  @Enum({ items: () => DeviceKind, nullable: true })
  scopeDeviceKind?: DeviceKind | null;

  @Property({ type: 'uuid', nullable: true })
  scopeSiteId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  scopeDeviceId?: string | null;

  @Property({ type: 'boolean' })
  enabled: boolean = true;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
