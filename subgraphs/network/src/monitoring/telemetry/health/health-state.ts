import { registerEnumType } from 'type-graphql';

/** A device's health as derived from its latest samples. */
export enum HealthState {
  UP = 'up',
  DEGRADED = 'degraded',
  DOWN = 'down',
  /** No sample within the ISP's staleness window (or never any). */
  UNKNOWN = 'unknown',
}

registerEnumType(HealthState, {
  name: 'HealthState',
  description: 'UP: reachable and within thresholds; DEGRADED: reachable but a threshold is exceeded or `up` is not reported; DOWN: reports up = 0; UNKNOWN: no recent samples.',
});

/** A device whose health state changed, as published live and recorded as a domain event. */
export interface HealthChange {
  deviceId: string;
  previous: HealthState;
  current: HealthState;
  /** When the new state began (the sample that caused it, or the moment samples went stale). */
  at: Date;
  reason: string | null;
}
