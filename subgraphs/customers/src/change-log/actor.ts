import type { Viewer } from '@dotmac/kernel';

/** Who made a change, as the change log records it. */
export interface Actor {
  kind: Viewer['kind'];
  id: string | null;
  /** Request (or event) that carried the change. */
  requestId: string | null;
}

export const actorOf = (context: { viewer: Viewer; requestId: string }): Actor => ({
  kind: context.viewer.kind,
  id: context.viewer.id ?? null,
  requestId: context.requestId,
});

/** The platform itself, acting on an event (e.g. billing's delinquency notice). */
export const systemActor = (eventId: string): Actor => ({ kind: 'system', id: null, requestId: eventId });
