import { executeBound, recordEvents, type EntityManager } from '@dotmac/kernel';
import { uuidArray } from '@dotmac/kernel';

/** What an incident event carries; support opens tickets from these. */
export interface AnnouncedIncident {
  id: string;
  deviceId: string;
  ruleId?: string | null;
  source: string;
  sourceKey?: string | null;
  severity: string;
  title: string;
  message?: string | null;
  /** When it happened, if not the batch's time. */
  at?: Date;
}

export const INCIDENT_TOPICS = {
  opened: 'network.incident.opened',
  acknowledged: 'network.incident.acknowledged',
  resolved: 'network.incident.resolved',
} as const;

/**
 * Records one outbox event per incident (one statement for the devices' subscriber and site links,
 * one per topic). Suppressed incidents are never passed here: they are announced when released.
 */
export async function announceIncidents(em: EntityManager, tenantId: string, topic: keyof typeof INCIDENT_TOPICS, incidents: readonly AnnouncedIncident[], at: Date, extra: Record<string, unknown> = {}): Promise<void> {
  if (incidents.length === 0) return;
  const deviceIds = [...new Set(incidents.map((incident) => incident.deviceId))];
  const links = await executeBound<{ id: string; subscriber_id: string | null; site_id: string | null; name: string }>(
    em,
    'select id, subscriber_id, site_id, name from device where id = any(?::uuid[])',
    [uuidArray(deviceIds)],
  );
  const byDevice = new Map(links.map((row) => [row.id, row]));
  await recordEvents(
    em,
    INCIDENT_TOPICS[topic],
    incidents.map((incident) => ({
      tenantId,
      payload: {
        incidentId: incident.id,
        tenantId,
        deviceId: incident.deviceId,
        deviceName: byDevice.get(incident.deviceId)?.name ?? null,
        siteId: byDevice.get(incident.deviceId)?.site_id ?? null,
        subscriberId: byDevice.get(incident.deviceId)?.subscriber_id ?? null,
        ruleId: incident.ruleId ?? null,
        source: incident.source,
        sourceKey: incident.sourceKey ?? null,
        severity: incident.severity,
        title: incident.title,
        message: incident.message ?? null,
        at: (incident.at ?? at).toISOString(),
        ...extra,
      },
    })),
  );
}
