import { expectGlobalId, type EntityManager } from '@dotmac/kernel';
import { findDevice } from '../../device/device.service.js';
import { findSite } from '../../site/site.service.js';
import { AlertScopeKind } from './alerting-enums.js';
import type { AlertRule } from './alert-rule.entity.js';
import type { AlertRuleScopeInput } from './alert-rule.input.js';
import { AlertingErrors } from './alerting.errors.js';

type ScopeColumns = Pick<AlertRule, 'scopeKind' | 'scopeDeviceKind' | 'scopeSiteId' | 'scopeDeviceId'>;

export const CONSECUTIVE_RANGE = [1, 1000] as const;
export const COOLDOWN_RANGE = [0, 604_800] as const;

/** A finite threshold; NaN and the infinities never compare the way an operator expects. */
export function thresholdOf(value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw AlertingErrors.notFinite('threshold');
  return value;
}

/** A whole number within [min, max], for counts and durations. */
export function wholeNumberIn(value: number, field: string, [min, max]: readonly [number, number]): number {
  if (!Number.isInteger(value) || value < min || value > max) throw AlertingErrors.outOfRange(field, min, max);
  return value;
}

/** The scope columns for a scope input; the site or device it names must be the ISP's own. */
export async function scopeColumnsOf(em: EntityManager, scope: AlertRuleScopeInput | null | undefined): Promise<ScopeColumns> {
  const none = { scopeDeviceKind: null, scopeSiteId: null, scopeDeviceId: null };
  if (!scope || scope.kind === AlertScopeKind.ALL_DEVICES) {
    if (scope && (scope.deviceKind || scope.siteId || scope.deviceId)) throw AlertingErrors.scopeMismatch('scope.kind', scope.kind);
    return { scopeKind: AlertScopeKind.ALL_DEVICES, ...none };
  }
  const expected = { [AlertScopeKind.DEVICE_KIND]: 'deviceKind', [AlertScopeKind.SITE]: 'siteId', [AlertScopeKind.DEVICE]: 'deviceId' }[scope.kind];
  for (const key of ['deviceKind', 'siteId', 'deviceId'] as const) {
    if (Boolean(scope[key]) !== (key === expected)) throw AlertingErrors.scopeMismatch(`scope.${key}`, scope.kind);
  }
  switch (scope.kind) {
    case AlertScopeKind.DEVICE_KIND:
      return { scopeKind: scope.kind, ...none, scopeDeviceKind: scope.deviceKind };
    case AlertScopeKind.SITE:
      return { scopeKind: scope.kind, ...none, scopeSiteId: (await findSite(em, expectGlobalId(scope.siteId!, 'Site', 'scope.siteId'), 'scope.siteId')).id };
    case AlertScopeKind.DEVICE:
      return { scopeKind: scope.kind, ...none, scopeDeviceId: (await findDevice(em, expectGlobalId(scope.deviceId!, 'Device', 'scope.deviceId'), 'scope.deviceId')).id };
  }
}
