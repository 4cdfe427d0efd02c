import { AppError, type EntityManager } from '@dotmac/kernel';
import type { CredentialCipher } from '../credentials/credential-cipher.js';
import { writeSuspensionGroup, writeUserRows } from './radius-rows.js';
import { RadiusSettings, type RateLimitFormat, type SuspensionMode } from './radius-settings.entity.js';
import { passwordContext, Service, ServiceState } from './service.entity.js';

const MAX_KBPS = 100_000_000;
const ADDRESS_LIST = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The tenant's settings, created with the defaults (and its suspension group written) the first
 * time they are needed, so a suspension always has a group to point at.
 */
export async function settingsOf(em: EntityManager, tenantId: string): Promise<RadiusSettings> {
  const found = await em.findOne(RadiusSettings, { tenantId });
  if (found) return found;
  const created = em.create(RadiusSettings, { tenantId });
  await em.flush();
  await writeSuspensionGroup(em, created);
  return created;
}

export interface RadiusSettingsChange {
  rateLimitFormat?: RateLimitFormat | null;
  suspensionMode?: SuspensionMode | null;
  throttleDownloadKbps?: number | null;
  throttleUploadKbps?: number | null;
  walledGardenAddressList?: string | null;
}

function validKbps(kbps: number, field: string): number {
  if (!Number.isInteger(kbps) || kbps <= 0 || kbps > MAX_KBPS) throw AppError.badInput(`A rate is a whole number of kbit/s between 1 and ${MAX_KBPS}`, field);
  return kbps;
}

/**
 * Changes how the tenant's services are answered. The suspension group is rewritten at once (every
 * suspended subscriber gets the new profile on the next request); a new rate format rewrites every
 * live service's reply.
 */
export async function updateRadiusSettings(em: EntityManager, cipher: CredentialCipher, tenantId: string, change: RadiusSettingsChange): Promise<RadiusSettings> {
  const settings = await settingsOf(em, tenantId);
  const formatBefore = settings.rateLimitFormat;
  if (change.rateLimitFormat) settings.rateLimitFormat = change.rateLimitFormat;
  if (change.suspensionMode) settings.suspensionMode = change.suspensionMode;
  if (change.throttleDownloadKbps != null) settings.throttleDownloadKbps = validKbps(change.throttleDownloadKbps, 'throttleDownloadKbps');
  if (change.throttleUploadKbps != null) settings.throttleUploadKbps = validKbps(change.throttleUploadKbps, 'throttleUploadKbps');
  if (change.walledGardenAddressList != null) {
    if (!ADDRESS_LIST.test(change.walledGardenAddressList)) throw AppError.badInput('An address list name is 1–64 letters, digits, . _ -', 'walledGardenAddressList');
    settings.walledGardenAddressList = change.walledGardenAddressList;
  }
  await em.flush();
  await writeSuspensionGroup(em, settings);
  if (settings.rateLimitFormat !== formatBefore) {
    const live = await em.find(Service, { tenantId, state: { $ne: ServiceState.TERMINATED } });
    for (const service of live) await writeUserRows(em, service, cipher.open(service.passwordSealed, passwordContext(service.id)), settings);
  }
  return settings;
}
