import { randomUUID } from 'node:crypto';
import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { TenantFiltered } from '@dotmac/kernel';
import { AlertSeverity, IncidentSource, IncidentState } from './alerting-enums.js';

/** Something wrong with a device that staff should know about, from open to resolved. */
@Entity({ tableName: 'incident' })
@TenantFiltered()
export class Incident {
  [OptionalProps]?: 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  tenantId: string;

  @Enum({ items: () => IncidentSource })
  source: IncidentSource;

  @Property({ type: 'uuid', nullable: true })
  ruleId?: string | null;

  /** The agent's alert key or health check name (agent and check incidents). */
  @Property({ type: 'text', nullable: true })
  sourceKey?: string | null;

  @Property({ type: 'uuid' })
  deviceId: string;

  @Property({ type: 'text' })
  title: string;

  @Property({ type: 'text', nullable: true })
  metric?: string | null;

  @Enum({ items: () => AlertSeverity })
  severity: AlertSeverity;

  /** 1 (critical) … 5 (info), so severity sorts by meaning rather than by name. */
  @Property({ type: 'smallint' })
  severityRank: number;

  @Enum({ items: () => IncidentState })
  state: IncidentState;

  /** Opened while an upstream device was down: recorded, not announced. */
  @Property({ type: 'boolean' })
  suppressed: boolean;

  @Property({ type: 'uuid', nullable: true })
  suppressedByDeviceId?: string | null;

  @Property({ type: 'boolean' })
  flapping: boolean;

  @Property({ type: 'double', nullable: true })
  lastValue?: number | null;

  @Property({ type: 'text', nullable: true })
  message?: string | null;

  @Property({ type: 'datetime' })
  openedAt: Date;

  @Property({ type: 'datetime', nullable: true })
  acknowledgedAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  acknowledgedBy?: string | null;

  @Property({ type: 'datetime', nullable: true })
  resolvedAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  resolvedBy?: string | null;

  @Property({ type: 'text', nullable: true })
  resolution?: 'auto' | 'user' | 'agent' | null;

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
