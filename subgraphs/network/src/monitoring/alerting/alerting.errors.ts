import { AppError } from '@dotmac/kernel';
import { notFoundIn } from '../../shared/errors.js';
import type { IncidentState } from './alerting-enums.js';

const listed = (states: readonly string[]) => (states.length ? states.map((state) => state.toUpperCase()).join(', ') : 'none');

/** The expected failures of alerting, each with its code and the input field at fault. */
export const AlertingErrors = {
  ruleNotFound: (field = 'ruleId') => notFoundIn('AlertRule', field),
  incidentNotFound: (field = 'incidentId') => notFoundIn('Incident', field),
  notFinite: (field: string) => AppError.badInput('must be a finite number', field),
  outOfRange: (field: string, min: number, max: number) => AppError.badInput(`must be a whole number from ${min} to ${max}`, field),
  scopeMismatch: (field: string, kind: string) => AppError.badInput(`scope ${kind} takes ${field.split('.').pop()} and nothing else`, field),
  ruleHasOpenIncidents: (count: number) => AppError.conflict(`The rule has ${count} unresolved incident(s); resolve them or disable the rule instead`, 'ruleId'),
  illegalTransition: (from: IncidentState, to: IncidentState, allowed: readonly IncidentState[]) =>
    AppError.conflict(`An incident that is ${from.toUpperCase()} cannot become ${to.toUpperCase()}; allowed from here: ${listed(allowed)}`, 'incidentId'),
} as const;
