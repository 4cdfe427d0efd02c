import { randomUUID } from 'node:crypto';
import { insertRows, type EntityManager, type Viewer } from '@dotmac/kernel';
import type { IncidentEventKind } from './alerting-enums.js';

export interface TimelineEntry {
  incidentId: string;
  kind: IncidentEventKind;
  at: Date;
  actor?: Pick<Viewer, 'kind' | 'id'>;
  message?: string | null;
  causeDeviceId?: string | null;
  details?: Record<string, unknown> | null;
}

/** Appends entries to incident timelines with one statement (the table refuses updates and deletes). */
export async function appendTimeline(em: EntityManager, tenantId: string, entries: readonly TimelineEntry[]): Promise<void> {
  await insertRows(
    em,
    'incident_event',
    entries.map((entry) => ({
      id: randomUUID(),
      tenant_id: tenantId,
      incident_id: entry.incidentId,
      kind: entry.kind,
      at: entry.at.toISOString(),
      actor_kind: entry.actor?.kind ?? null,
      actor_id: entry.actor?.id ?? null,
      message: entry.message ?? null,
      cause_device_id: entry.causeDeviceId ?? null,
      details: entry.details ?? null,
    })),
  );
}
