import { HealthState } from './health-state.js';

/** A stored `device_health` row with its ISP's staleness window. */
export interface StoredHealth {
  deviceId: string;
  state: HealthState;
  since: Date;
  reason: string | null;
  lastSampleAt: Date;
  staleAfterSeconds: number;
}

export interface CurrentHealth {
  state: HealthState;
  since?: Date;
  reason?: string;
  lastSampleAt?: Date;
}

/**
 * The health to show now: the stored state, unless the device went quiet since the last sample
 * (the maintenance pass records that too, but reading never waits for it).
 */
export function currentHealth(stored: StoredHealth | undefined, now = Date.now()): CurrentHealth {
  if (!stored) return { state: HealthState.UNKNOWN, reason: 'No samples received' };
  const staleAt = stored.lastSampleAt.getTime() + stored.staleAfterSeconds * 1000;
  if (stored.state !== HealthState.UNKNOWN && staleAt < now) {
    return { state: HealthState.UNKNOWN, since: new Date(staleAt), reason: `No samples in the last ${stored.staleAfterSeconds} s`, lastSampleAt: stored.lastSampleAt };
  }
  return { state: stored.state, since: stored.since, reason: stored.reason ?? undefined, lastSampleAt: stored.lastSampleAt };
}
