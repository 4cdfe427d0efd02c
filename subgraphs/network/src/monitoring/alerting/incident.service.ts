import { LockMode, type FilterQuery } from '@mikro-orm/core';
import { expectGlobalId, paginate, SortDirection, type ConnectionArgs, type EntityManager, type Viewer } from '@dotmac/kernel';
import { Device } from '../../device/device.entity.js';
import { optionalText, requiredText } from '../../shared/text.js';
import { IncidentEventKind, IncidentState } from './alerting-enums.js';
import { AlertingErrors } from './alerting.errors.js';
import { announceIncidents } from './incident-notifications.js';
import { resolveIncidentsWhere } from './incident-resolution.js';
import { appendTimeline } from './incident-timeline.js';
import { Incident } from './incident.entity.js';
import { IncidentOrderField, type IncidentFilter, type IncidentOrder } from './incident.input.js';
import { IncidentType } from './incident.type.js';

/** Where an incident may go from each state (by staff; the evaluator and agents resolve too). */
export const INCIDENT_TRANSITIONS: Record<IncidentState, readonly IncidentState[]> = {
  [IncidentState.OPEN]: [IncidentState.ACKNOWLEDGED, IncidentState.RESOLVED],
  [IncidentState.ACKNOWLEDGED]: [IncidentState.RESOLVED],
  [IncidentState.RESOLVED]: [],
};

const actorOf = (viewer: Viewer) => ({ kind: viewer.kind, id: viewer.id });

async function lockedIncident(em: EntityManager, id: string, to?: IncidentState): Promise<Incident> {
  const incident = await em.findOne(Incident, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!incident) throw AlertingErrors.incidentNotFound();
  if (to && !INCIDENT_TRANSITIONS[incident.state].includes(to)) throw AlertingErrors.illegalTransition(incident.state, to, INCIDENT_TRANSITIONS[incident.state]);
  return incident;
}

const noteOf = (note: string | null | undefined) => optionalText(note, 'note', 2000);

/** Someone is on it: OPEN → ACKNOWLEDGED, on the timeline with who; announced unless suppressed. */
export async function acknowledgeIncident(em: EntityManager, viewer: Viewer, id: string, note?: string | null): Promise<Incident> {
  const incident = await lockedIncident(em, id, IncidentState.ACKNOWLEDGED);
  const message = noteOf(note);
  const at = new Date();
  incident.state = IncidentState.ACKNOWLEDGED;
  incident.acknowledgedAt = at;
  incident.acknowledgedBy = viewer.id ?? null;
  await em.flush();
  await appendTimeline(em, incident.tenantId, [{ incidentId: id, kind: IncidentEventKind.ACKNOWLEDGED, at, actor: actorOf(viewer), message }]);
  if (!incident.suppressed) {
    await announceIncidents(em, incident.tenantId, 'acknowledged', [{ ...incident, id: incident.id }], at, { acknowledgedBy: viewer.id ?? null });
  }
  return incident;
}

/** Staff close it: OPEN or ACKNOWLEDGED → RESOLVED; the rule then counts afresh for that device. */
export async function resolveIncident(em: EntityManager, viewer: Viewer, id: string, note?: string | null): Promise<Incident> {
  const incident = await lockedIncident(em, id, IncidentState.RESOLVED);
  await resolveIncidentsWhere(em, incident.tenantId, { where: `i."id" = ?`, params: [id] }, {
    at: new Date(),
    resolution: 'user',
    actor: actorOf(viewer),
    message: noteOf(note),
    resetEvaluation: true,
  });
  return em.findOneOrFail(Incident, { id }, { refresh: true });
}

/** A note on the timeline, in any state (a resolved incident still gathers its post-mortem). */
export async function addIncidentNote(em: EntityManager, viewer: Viewer, id: string, note: string): Promise<Incident> {
  const incident = await lockedIncident(em, id);
  await appendTimeline(em, incident.tenantId, [{ incidentId: id, kind: IncidentEventKind.NOTE, at: new Date(), actor: actorOf(viewer), message: requiredText(note, 'note', 2000) }]);
  return incident;
}

export async function listIncidents(em: EntityManager, tenantId: string, filter: IncidentFilter | undefined, order: IncidentOrder | undefined, args: ConnectionArgs, extra: FilterQuery<Incident> = {}) {
  const where: FilterQuery<Incident> & Record<string, unknown> = { tenantId, ...(extra as object) };
  if (filter?.state?.length) where.state = { $in: filter.state };
  if (filter?.severity?.length) where.severity = { $in: filter.severity };
  if (filter?.source?.length) where.source = { $in: filter.source };
  if (filter?.ruleIds?.length) where.ruleId = { $in: filter.ruleIds.map((id, i) => expectGlobalId(id, 'AlertRule', `filter.ruleIds.${i}`)) };
  if (filter?.suppressed != null) where.suppressed = filter.suppressed;
  if (filter?.flapping != null) where.flapping = filter.flapping;
  const deviceIds = filter?.deviceIds?.map((id, i) => expectGlobalId(id, 'Device', `filter.deviceIds.${i}`));
  const siteIds = filter?.siteIds?.map((id, i) => expectGlobalId(id, 'Site', `filter.siteIds.${i}`));
  if (siteIds?.length) {
    const atSites = (await em.find(Device, { siteId: { $in: siteIds } }, { fields: ['id'] })).map((device) => device.id);
    where.deviceId = { $in: deviceIds?.length ? atSites.filter((id) => deviceIds.includes(id)) : atSites };
  } else if (deviceIds?.length) where.deviceId = { $in: deviceIds };
  const sortField = order?.field ?? IncidentOrderField.OPENED_AT;
  const sortDirection = order?.direction ?? (order ? SortDirection.ASC : SortDirection.DESC);
  return paginate(em, Incident, { where, sortField, sortDirection, args }, IncidentType.from);
}
