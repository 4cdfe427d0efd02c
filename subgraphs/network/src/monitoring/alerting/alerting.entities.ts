import { AlertRule } from './alert-rule.entity.js';
import { AlertingSettings } from './alerting-settings.entity.js';
import { IncidentEvent } from './incident-event.entity.js';
import { Incident } from './incident.entity.js';

/** The alerting tables the ORM maps (evaluation state and agent receipts are reached with plain SQL). */
export const alertingEntities = [AlertRule, AlertingSettings, Incident, IncidentEvent];
