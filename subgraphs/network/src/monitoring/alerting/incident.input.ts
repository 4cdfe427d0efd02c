import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { SortDirection } from '@dotmac/kernel';
import { AlertSeverity, IncidentSource, IncidentState } from './alerting-enums.js';

@InputType()
export class IncidentFilter {
  @Field(() => [IncidentState], { nullable: true }) state?: IncidentState[];
  @Field(() => [AlertSeverity], { nullable: true }) severity?: AlertSeverity[];
  @Field(() => [IncidentSource], { nullable: true }) source?: IncidentSource[];
  @Field(() => [ID], { nullable: true, description: 'Incidents of any of these devices.' }) deviceIds?: string[];
  @Field(() => [ID], { nullable: true, description: 'Incidents of devices at any of these sites.' }) siteIds?: string[];
  @Field(() => [ID], { nullable: true }) ruleIds?: string[];
  @Field(() => Boolean, { nullable: true }) suppressed?: boolean;
  @Field(() => Boolean, { nullable: true }) flapping?: boolean;
}

export enum IncidentOrderField {
  OPENED_AT = 'openedAt',
  UPDATED_AT = 'updatedAt',
  SEVERITY = 'severityRank',
}
registerEnumType(IncidentOrderField, { name: 'IncidentOrderField', description: 'SEVERITY ascending is most severe first.' });

@InputType()
export class IncidentOrder {
  @Field(() => IncidentOrderField) field: IncidentOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC }) direction: SortDirection;
}

@InputType()
export class IncidentActionInput {
  @Field(() => ID, { nullable: true, description: 'Platform admins name the ISP.' }) tenantId?: string;
  @Field(() => ID) incidentId: string;
  @Field(() => String, { nullable: true, description: 'Optional note for the timeline, at most 2000 characters.' }) note?: string | null;
}

@InputType()
export class AddIncidentNoteInput {
  @Field(() => ID, { nullable: true, description: 'Platform admins name the ISP.' }) tenantId?: string;
  @Field(() => ID) incidentId: string;
  @Field({ description: '1–2000 characters.' }) note: string;
}
