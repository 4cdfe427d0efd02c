import { AlertRuleResolver, resolveAlertRuleReference } from './alert-rule.resolver.js';
import { AlertingSettingsResolver } from './alerting-settings.resolver.js';
import { DeviceIncidentsResolver } from './device-incidents.resolver.js';
import { IncidentFieldsResolver, IncidentTimelineFieldsResolver } from './incident-fields.resolver.js';
import { IncidentResolver, resolveIncidentReference } from './incident.resolver.js';
import { TenantIncidentsResolver } from './tenant-incidents.resolver.js';

/** Alerting's resolvers and entity references, for the network schema. */
export const alertingResolvers = [
  AlertRuleResolver,
  IncidentResolver,
  IncidentFieldsResolver,
  IncidentTimelineFieldsResolver,
  AlertingSettingsResolver,
  DeviceIncidentsResolver,
  TenantIncidentsResolver,
] as const;

export const alertingReferences = { AlertRule: resolveAlertRuleReference, Incident: resolveIncidentReference };
