import { Directive, Field, Float, ID, ObjectType } from 'type-graphql';
import { Node, toGlobalId } from '@dotmac/kernel';
import { AlertSeverity, IncidentEventKind, IncidentSource, IncidentState } from './alerting-enums.js';
import type { IncidentEvent } from './incident-event.entity.js';
import type { Incident } from './incident.entity.js';

@ObjectType('IncidentTimelineEntry', { description: 'One entry of an incident timeline; entries are never changed or removed.' })
export class IncidentTimelineEntry {
  @Field(() => ID) id: string;
  @Field(() => IncidentEventKind) kind: IncidentEventKind;
  @Field() at: Date;
  @Field(() => String, { nullable: true, description: 'USER, API_KEY or SYSTEM; null when the evaluator or an agent acted.' }) actorKind?: string;
  @Field(() => ID, { nullable: true, description: 'Global id of the user or API key that acted.' }) actorId?: string;
  @Field(() => String, { nullable: true }) message?: string;
  causeDeviceId?: string;

  static from(row: IncidentEvent): IncidentTimelineEntry {
    const actorType = row.actorKind === 'api_key' ? 'ApiKey' : 'User';
    return Object.assign(new IncidentTimelineEntry(), {
      id: row.id,
      kind: row.kind,
      at: row.at,
      actorKind: row.actorKind?.toUpperCase() ?? undefined,
      actorId: row.actorId && row.actorKind !== 'system' ? toGlobalId(actorType, row.actorId) : undefined,
      message: row.message ?? undefined,
      causeDeviceId: row.causeDeviceId ?? undefined,
    });
  }
}

@Directive('@key(fields: "id")')
@ObjectType('Incident', { implements: Node, description: 'Something wrong with a device, from open through acknowledged to resolved.' })
export class IncidentType extends Node {
  @Field(() => ID) declare id: string;
  rawId: string;
  tenantId: string;
  ruleId?: string;
  deviceId: string;
  suppressedByDeviceId?: string;
  @Field(() => IncidentSource) source: IncidentSource;
  @Field(() => String, { nullable: true, description: "The agent's alert key or health check name." }) sourceKey?: string;
  @Field() title: string;
  @Field(() => String, { nullable: true }) metric?: string;
  @Field(() => AlertSeverity) severity: AlertSeverity;
  @Field(() => IncidentState) state: IncidentState;
  @Field({ description: 'Opened while an upstream device was down: recorded, not announced.' }) suppressed: boolean;
  @Field({ description: 'The condition keeps changing; the incident stays open until it settles.' }) flapping: boolean;
  @Field(() => Float, { nullable: true }) lastValue?: number;
  @Field(() => String, { nullable: true }) message?: string;
  @Field() openedAt: Date;
  @Field(() => Date, { nullable: true }) acknowledgedAt?: Date;
  @Field(() => Date, { nullable: true }) resolvedAt?: Date;
  @Field(() => String, { nullable: true, description: 'AUTO (the metric recovered), USER or AGENT.' }) resolution?: string;
  @Field() updatedAt: Date;

  static from(row: Incident): IncidentType {
    return Object.assign(new IncidentType(), {
      id: toGlobalId('Incident', row.id),
      rawId: row.id,
      tenantId: row.tenantId,
      ruleId: row.ruleId ?? undefined,
      deviceId: row.deviceId,
      suppressedByDeviceId: row.suppressedByDeviceId ?? undefined,
      source: row.source,
      sourceKey: row.sourceKey ?? undefined,
      title: row.title,
      metric: row.metric ?? undefined,
      severity: row.severity,
      state: row.state,
      suppressed: row.suppressed,
      flapping: row.flapping,
      lastValue: row.lastValue ?? undefined,
      message: row.message ?? undefined,
      openedAt: row.openedAt,
      acknowledgedAt: row.acknowledgedAt ?? undefined,
      resolvedAt: row.resolvedAt ?? undefined,
      resolution: row.resolution?.toUpperCase() ?? undefined,
      updatedAt: row.updatedAt,
    });
  }
}
